#!/usr/bin/env node
import { existsSync } from 'node:fs';
// The CLI is bundled by `npm run build` into build/cli.cjs.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// A file path, not a URL's pathname: a folder named `영업 도구` must not arrive percent-encoded.
const cli = fileURLToPath(new URL('../build/cli.cjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('sheets-pipeline: build/cli.cjs is missing; run `npm run build` first.');
  process.exit(1);
}
createRequire(import.meta.url)(cli);
