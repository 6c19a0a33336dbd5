/**
 * The client side of HtmlService: what Apps Script injects into a sidebar or
 * dialog. Only the parts the panel uses; server functions are called by name.
 */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

declare const google: {
  script: {
    run: ScriptRunner;
    host: { close(): void };
  };
};
