// Search index churn (a measurement, not a test): run `npm run build` first, then
//   node bench/search-churn.mjs [--dir dist] [--entry tools/docker]
// Indexes the built pages with the build's Pagefind options three times: as built, with one
// sentence added to the end of the entry's text, and with a paragraph of ordinary length added
// there instead. Prints how many index chunks and bytes each edit changes: the part of a deploy
// that a returning reader's service worker must fetch again besides the page itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { PAGEFIND_OPTIONS } from '../config/integrations/search-index.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, entry: { type: 'string', default: 'tools/docker' } },
});
const EDITS = {
  sentence: 'This sentence came with the next deploy: quokkaline.',
  paragraph:
    'Compose files describe several containers that start together, each with its own image, ports, ' +
    'volumes and environment. A health check tells the engine when a service is ready, so a dependent ' +
    'service waits for the database before it runs its migrations. Rebuild an image after changing its ' +
    'Dockerfile, and keep secrets out of its layers.',
};

const pages = new Map(
  readdirSync(values.dir, { recursive: true })
    .filter((path) => path.endsWith('.html'))
    .sort()
    .map((path) => [path, readFileSync(join(values.dir, path), 'utf8')]),
);
const target = `${values.entry}/index.html`;
if (!pages.has(target)) throw new Error(`${join(values.dir, target)} is not in the build`);

/** The index files (path → bytes) Pagefind makes of these pages. */
async function indexOf(html) {
  const { index } = await pagefind.createIndex(PAGEFIND_OPTIONS);
  for (const [sourcePath, content] of html) await index.addHTMLFile({ sourcePath, content });
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.filter((file) => /^\/?index\//.test(file.path)).map((file) => [file.path, file.content.length]));
}

/** The pages with `text` as a new last paragraph of the entry's prose. */
function withEdit(text) {
  const root = parse(pages.get(target));
  const prose = root.querySelector('article .prose');
  if (!prose) throw new Error(`${target} has no .prose to add to`);
  prose.insertAdjacentHTML('beforeend', `<p>${text}</p>`);
  return new Map([...pages, [target, root.toString()]]);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(0)} KB`;
const before = await indexOf(pages);
const total = [...before.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`${pages.size} pages; the search index is ${before.size} chunks, ${kb(total)}`);
for (const [name, text] of Object.entries(EDITS)) {
  const after = await indexOf(withEdit(text));
  const changed = [...after].filter(([path]) => !before.has(path));
  const bytes = changed.reduce((sum, [, size]) => sum + size, 0);
  const words = text.split(/\s+/).length;
  console.log(
    `a ${name} (${words} words) added to ${values.entry}: ${changed.length} of ${after.size} chunks change, ` +
      `${kb(bytes)} (${((100 * bytes) / total).toFixed(0)} % of the index)`,
  );
}
await pagefind.close();
