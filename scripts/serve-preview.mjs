// `npm run preview`: bundles scripts/preview.ts for Node (Node 20 cannot run
// TypeScript) and serves the sample workbook with the built sidebar beside it.
// Run `npm run build` first; the npm script does.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const outfile = 'build/preview.mjs';
await build({
  entryPoints: ['scripts/preview.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { startPreview } = await import(pathToFileURL(outfile).href);
const preview = await startPreview({ port: Number(process.env.PORT ?? 5173), latencyMs: 300 });
console.log(`Sheets Pipeline preview: ${preview.url}  (English sample: ${preview.url}?lang=en)`);
console.log('The sheets are a stand-in loaded from sample-data/, not Google Sheets. Ctrl+C stops.');
