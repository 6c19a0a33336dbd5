// `npm run screenshot`: the README's pictures (docs/panel.png and the deal panel's
// stale and lost deals in Korean and English), taken in Chromium from the built
// add-on over the preview. Hangul needs a Korean font, and a machine without one
// draws boxes: the script installs Debian's fonts-noto-cjk first when none is
// found (as root, with apt-get), and otherwise says what to install.
import { execFileSync, spawnSync } from 'node:child_process';

function hasKoreanFont() {
  const r = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

if (!hasKoreanFont()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !apt) {
    console.error(
      'screenshot: no Korean font found; install one (Debian: apt-get install fonts-noto-cjk) and run again.',
    );
    process.exit(1);
  }
  console.log('screenshot: no Korean font found; installing fonts-noto-cjk…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env,
  });
}
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
execFileSync(
  'npx',
  ['vitest', 'run', 'test/browser/screenshot.test.ts', 'test/browser/readme-shots.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, UPDATE_SCREENSHOT: '1', TZ: 'America/Los_Angeles' },
  },
);
