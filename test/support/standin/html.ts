import { instrument } from './calls';
import { Service, type StandInContext } from './context';
import { type EnumValue, enumName, SandboxMode, XFrameOptionsMode } from './enums';

/**
 * HtmlService: outputs built from strings or from the project's HTML files
 * (`standIn.htmlFiles`, e.g. the built sidebar). Nothing is rendered; tests
 * read what was shown through `standIn.ui.sidebars` / `dialogs`.
 */
export class HtmlOutput extends Service {
  #content: string;
  #title = '';
  #width = 300;
  #height = 400;
  readonly #meta: Record<string, string> = {};

  constructor(ctx: StandInContext, content: string) {
    super(ctx);
    this.#content = content;
  }

  /** Title, size and content of an output (stand-in use only). */
  static view(output: unknown): { title: string; html: string; width: number; height: number } | null {
    if (!(output instanceof HtmlOutput)) return null;
    return { title: output.#title, html: output.#content, width: output.#width, height: output.#height };
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): this {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.#content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    this.#content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this;
  }

  clear(): this {
    this.#content = '';
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): this {
    this.#title = String(title);
    return this;
  }

  getWidth(): number {
    return this.#width;
  }

  setWidth(width: number): this {
    this.#width = width;
    return this;
  }

  getHeight(): number {
    return this.#height;
  }

  setHeight(height: number): this {
    this.#height = height;
    return this;
  }

  setSandboxMode(mode: EnumValue): this {
    this.#meta.sandboxMode = enumName(mode);
    return this;
  }

  setXFrameOptionsMode(mode: EnumValue): this {
    this.#meta.xFrameOptionsMode = enumName(mode);
    return this;
  }

  addMetaTag(name: string, content: string): this {
    this.#meta[`meta:${name}`] = String(content);
    return this;
  }

  setFaviconUrl(iconUrl: string): this {
    this.#meta.favicon = String(iconUrl);
    return this;
  }
}

/**
 * HtmlTemplate: `<?= expr ?>` (escaped) and `<?!= expr ?>` (raw), with the
 * template's assigned properties in scope. `<? code ?>` scriptlets are not
 * supported by the stand-in and throw.
 */
export class HtmlTemplate extends Service {
  readonly #source: string;

  constructor(ctx: StandInContext, source: string) {
    super(ctx);
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }

  evaluate(): HtmlOutput {
    const vars = Object.entries(this as unknown as Record<string, unknown>);
    const names = vars.map(([k]) => k);
    const values = vars.map(([, v]) => v);
    const html = this.#source.replace(
      /<\?(!?=)?([\s\S]*?)\?>/g,
      (_, kind: string | undefined, code: string) => {
        if (!kind)
          throw this.ctx.exception(
            'Sheets stand-in: <? ... ?> scriptlets are not supported; use <?= ?> or <?!= ?>.',
          );
        const value: unknown = new Function(...names, `return (${code});`)(...values);
        const text = String(value ?? '');
        return kind === '!='
          ? text
          : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      },
    );
    return new HtmlOutput(this.ctx, html);
  }
}

function fileContent(ctx: StandInContext, filename: string): string {
  const name = String(filename);
  const files = ctx.htmlFiles;
  const found = files[name] ?? files[`${name}.html`] ?? files[name.replace(/\.html$/, '')];
  if (found === undefined) throw ctx.exception(`No HTML file named ${name} was found.`);
  return found;
}

/** The HtmlService global. */
export class HtmlService extends Service {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this.ctx, html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.ctx, fileContent(this.ctx, filename));
  }

  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, String(html));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, fileContent(this.ctx, filename));
  }
}

instrument(HtmlOutput, 'HtmlOutput');
instrument(HtmlTemplate, 'HtmlTemplate');
instrument(HtmlService, 'HtmlService');
