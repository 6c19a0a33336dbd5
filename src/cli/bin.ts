import { runCli } from './main';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  systemZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  now: () => new Date(),
});
