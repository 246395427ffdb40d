// Makes sure a Chromium exists before the browser tests run: installs Debian's `chromium`
// when running as root, otherwise asks Playwright to download its own. Fails with a clear message.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-browser.mjs';

// apt's progress output is long and useless in a test log; its errors still reach stderr.
const run = (command, args) =>
  spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    .status === 0;

let path = await findChromium();
if (!path) {
  if (process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0) {
    console.log('No Chromium found; installing Debian\'s chromium package…');
    run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } else {
    console.log('No Chromium found; asking Playwright to download one…');
    run('npx', ['playwright', 'install', 'chromium']);
  }
  path = await findChromium();
}
if (!path) {
  console.error(
    'No Chromium browser available. Set CHROMIUM_PATH to a Chromium executable, install the "chromium" package, or run "npx playwright install chromium".',
  );
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
