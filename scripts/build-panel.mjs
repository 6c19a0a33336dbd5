// Builds each HTML dialog of the add-on into one self-contained file: Apps
// Script serves HTML files by name, with no static assets beside them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const PAGES = [
  { name: 'Sidebar', script: 'src/panel/panel.ts', html: 'src/panel/panel.html', css: 'src/panel/panel.css' },
  {
    name: 'Settings',
    script: 'src/panel/settings.ts',
    html: 'src/panel/settings.html',
    css: 'src/panel/panel.css',
  },
];

export async function buildPanel(outDir) {
  for (const page of PAGES) {
    if (!existsSync(page.html)) continue;
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
    const css = readFileSync(page.css, 'utf8');
    const html = readFileSync(page.html, 'utf8')
      .replace('/*INLINE_CSS*/', () => css)
      .replace('/*INLINE_JS*/', () => js);
    writeFileSync(`${outDir}/${page.name}.html`, html);
  }
}
