// Builds each HTML dialog of the add-on into one self-contained file: Apps
// Script serves HTML files by name, with no static assets beside them. Every
// page is the same shell (src/panel/page.html) with its own title, body and script.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const PAGES = [
  {
    name: 'Sidebar',
    title: 'Deal panel',
    script: 'src/panel/panel.ts',
    body: `    <div class="topbar">
      <p id="status" class="status" role="status" aria-live="polite"></p>
      <span class="topbar-actions">
        <button type="button" id="attention-toggle" class="quiet" aria-expanded="false" aria-controls="content">Needs attention</button>
        <button type="button" id="reload" class="quiet">Reload</button>
      </span>
    </div>
    <main id="content" aria-live="off"></main>`,
  },
  {
    name: 'Settings',
    title: 'Settings',
    script: 'src/panel/settings.ts',
    body: `    <p id="status" class="status visually-hidden" role="status" aria-live="polite"></p>
    <main id="content"></main>`,
  },
  {
    name: 'Connect',
    title: 'Connect your sheet',
    script: 'src/panel/connect.ts',
    body: `    <p id="status" class="status" role="status" aria-live="polite"></p>
    <main id="content"></main>`,
  },
  {
    name: 'Review',
    title: 'Review win probabilities',
    script: 'src/panel/review.ts',
    body: `    <p id="status" class="status" role="status" aria-live="polite"></p>
    <main id="content"></main>`,
  },
];

export async function buildPanel(outDir) {
  const shell = readFileSync('src/panel/page.html', 'utf8');
  const css = readFileSync('src/panel/panel.css', 'utf8');
  for (const page of PAGES) {
    const script = await build({
      entryPoints: [page.script],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      charset: 'utf8',
      logLevel: 'warning',
    });
    // `</script` inside the inlined code would end the tag early.
    const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const html = shell
      .replace('/*TITLE*/', () => page.title)
      .replace('/*BODY*/', () => page.body)
      .replace('/*INLINE_CSS*/', () => css)
      .replace('/*INLINE_JS*/', () => js);
    writeFileSync(`${outDir}/${page.name}.html`, html);
  }
}
