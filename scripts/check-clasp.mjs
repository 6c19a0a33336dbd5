// `clasp push` with the placeholder script id fails with an unhelpful error;
// say what to do instead.
import { readFileSync } from 'node:fs';

const { scriptId, rootDir } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!scriptId || scriptId.startsWith('REPLACE')) {
  console.error(
    'deploy: .clasp.json has no script id yet. Run `npx clasp login`, then either\n' +
      '  npx clasp create --type sheets --title "Sheets Pipeline" --rootDir dist   (new spreadsheet + script), or\n' +
      '  put the id of an existing script (Extensions › Apps Script › Project settings) in .clasp.json.',
  );
  process.exit(1);
}
if (rootDir !== 'dist') {
  console.error('deploy: .clasp.json must push dist/ (rootDir: "dist").');
  process.exit(1);
}
