// What smart punctuation (`markdown.smartypants`) costs: every entry of content/ compiled by
// Sätteri with it and without it, in turn, --runs times; prints the medians in milliseconds.
// Usage: node bench/smart-punctuation.mjs [--runs 7] [--dir content]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mdxToJs } from 'satteri';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, dir: { type: 'string', default: 'content' } },
});
const bodies = readdirSync(values.dir, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => readFileSync(join(values.dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

/** Milliseconds to compile every body once. */
async function compileAll(smartPunctuation) {
  const started = performance.now();
  for (const body of bodies) await mdxToJs(body, { features: { gfm: true, smartPunctuation } });
  return performance.now() - started;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const times = { on: [], off: [] };
await compileAll(true); // warm-up
for (let run = 0; run < Number(values.runs); run++) {
  times.on.push(await compileAll(true));
  times.off.push(await compileAll(false));
}
const [on, off] = [median(times.on), median(times.off)];
console.log(
  `${bodies.length} entries: ${on.toFixed(1)} ms with smart punctuation, ${off.toFixed(1)} ms without ` +
    `(medians of ${values.runs}; ${(on - off).toFixed(1)} ms for smart punctuation)`,
);
