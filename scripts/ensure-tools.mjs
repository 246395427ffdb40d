// Makes sure the test suite's outside tools exist: a Chromium for the browser tests and the
// language toolchains that check the guide's code samples. As root it installs what is missing
// from Debian's packages; otherwise it asks Playwright for a browser and names what to install.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-browser.mjs';

/** Command that must exist -> Debian package that provides it. */
const TOOLCHAINS = {
  php: 'php-cli',
  ruby: 'ruby',
  gofmt: 'golang-go',
  java: 'default-jdk-headless',
  python3: 'python3',
  rustfmt: 'rustfmt',
  nginx: 'nginx',
  caddy: 'caddy',
  openssl: 'openssl',
  // Validates the EPUB edition (tests/e2e/editions.spec.ts); runs on the JDK above.
  epubcheck: 'epubcheck',
};

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const isRoot = process.getuid?.() === 0 && has('apt-get');
// apt's progress output is long and useless in a test log; its errors still reach stderr.
const apt = (args) =>
  spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

const missing = Object.entries(TOOLCHAINS)
  .filter(([command]) => !has(command))
  .map(([, pkg]) => pkg);
let browser = await findChromium();
if (!browser) missing.push('chromium');

if (missing.length > 0 && isRoot) {
  console.log(`Installing from Debian: ${missing.join(' ')}`);
  if (apt(['update', '-qq'])) apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  browser = await findChromium();
} else if (!browser) {
  console.log('No Chromium found; asking Playwright to download one…');
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  browser = await findChromium();
}

const stillMissing = Object.keys(TOOLCHAINS).filter((command) => !has(command));
if (!browser) stillMissing.push('chromium');
if (stillMissing.length > 0) {
  console.error(
    `Missing tools: ${stillMissing.join(', ')}. Install the Debian packages ` +
      `${stillMissing.map((c) => TOOLCHAINS[c] ?? c).join(' ')} (or set CHROMIUM_PATH to a Chromium executable).`,
  );
  process.exit(1);
}
console.log(`Tools ready; browser tests use ${browser}`);
