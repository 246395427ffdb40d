// `npm test`: every gate in order, stopping at the first that fails, then one summary line.
//   0. outside tools   1. type check (astro check), lint (ESLint), format (Prettier)   2. unit tests (no build)
//   3. code samples through their toolchains   4. bad content through the content layer (astro sync) and three fixture builds
//   5. the production build, under the sub-path /guide/ as an operator might deploy it   6. browser tests (Playwright)
// Seven Astro builds in all: this one; three in the bad-content step (every cross-entry problem at
// once, an untitled diagram, a broken diagram); three in the browser tests (a byte-identical
// rebuild of the same commit, and two deploys in tests/e2e/deploy.spec.ts, one changing code, one an entry).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** A port nothing listens on, so a stray server elsewhere on the machine cannot break the browser tests. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  CI: process.env.CI ?? '1',
  E2E_PORT: process.env.E2E_PORT ?? (await freePort()),
  // The suite's one site build is a sub-path deployment, so every browser test also proves the base path.
  BASE_PATH: process.env.BASE_PATH ?? '/guide/',
  SITE_URL: process.env.SITE_URL ?? 'https://guide.example.org',
};
/** A Vitest project as a step of its own, with its JSON report for the summary. */
const vitest = (name, project) => ({
  name,
  command: 'vitest',
  args: ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=reports/${project}.json`],
});
// Fresh reports, so the summary never counts an earlier run.
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const steps = [
  { name: 'tools', command: 'node', args: ['scripts/ensure-tools.mjs'] },
  { name: 'type check', command: 'astro', args: ['check'] },
  { name: 'lint', command: 'eslint', args: ['.'] },
  { name: 'format', command: 'prettier', args: ['--check', '.'] },
  vitest('unit tests', 'unit'),
  vitest('code samples', 'samples'),
  vitest('bad content', 'builds'),
  { name: 'build', command: 'astro', args: ['build'] },
  { name: 'browser tests', command: 'playwright', args: ['test'] },
];

/** Counts from the JSON reports both runners write. */
function counts() {
  let passed = 0;
  let failed = 0;
  let retried = 0;
  for (const project of ['unit', 'samples', 'builds']) {
    if (!existsSync(`reports/${project}.json`)) continue;
    const report = JSON.parse(readFileSync(`reports/${project}.json`, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (existsSync('reports/e2e.json')) {
    const { stats } = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
    // Only the deploy tests may retry (tests/e2e/deploy.spec.ts says why): one that passed on its
    // retry counts as passed and is named in the summary line.
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    retried += stats.flaky;
  }
  return { passed, failed, retried };
}

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env });
  console.log(
    `=== ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    const { passed, failed } = counts();
    console.log(`\ntests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
}
const { passed, failed, retried } = counts();
console.log(`\ntests: ${passed} passed, ${failed} failed${retried > 0 ? ` (${retried} passed on a retry)` : ''}`);
process.exit(failed > 0 ? 1 : 0);
