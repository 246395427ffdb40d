// Generates a synthetic content set of any size that is valid against the real schemas:
// every collection, references both ways between frameworks and languages, `related` lists,
// links in the text, and pages of about 600 prose words with a GFM table and a code block each,
// and a diagram on one page in five.
// Deterministic: the same page count always gives the same corpus.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyModel } from '../src/lib/markdown/index.ts';
// The schemas' own enums, so a corpus can never drift from what the build accepts.
import { TOOL_CATEGORIES } from '../src/schemas/tool.ts';
import { PARADIGMS, TYPING } from '../src/schemas/language.ts';

/** Share of the entries each collection gets; the rest goes to guides. */
const SHARES = { roles: 0.02, languages: 0.04, tools: 0.44, faq: 0.2 };
/** Prose words aimed for per collection, as the content rules ask (guides 1,200 or more, FAQ answers 200 or fewer); about 600 on average. */
const WORDS = { roles: 450, languages: 450, tools: 400, guides: 1300, faq: 100 };
/** Entries that many pages point to, as Python or Docker do in the real guide. */
const HUBS_PER_COLLECTION = 5;
const HUB_SHARE = 0.2;

const NOUNS = `request response server client database table index query cache queue worker job schedule token session
cookie header payload schema migration model record column row transaction lock replica shard cluster node container image
volume network port socket stream event message topic broker consumer producer endpoint route handler middleware controller
service gateway proxy balancer certificate key secret credential permission role policy audit log metric trace span alert
dashboard deployment release pipeline build artifact package dependency module library framework runtime interpreter compiler
thread process coroutine loop callback promise future channel mutex semaphore pool connection driver adapter client library
contract version field type interface struct class method function closure parameter argument return value error exception
retry timeout backoff limit quota budget bucket object blob file directory path environment variable config flag feature
test fixture mock stub assertion coverage benchmark profile heap stack garbage collector allocation latency throughput
bandwidth payload compression encoding serialization format document collection graph edge vertex search ranking filter`
  .split(/\s+/)
  .filter(Boolean);
const ADJECTIVES =
  `fast small reliable typed async durable idempotent stateless stateful portable lightweight mature modern
minimal strict lazy eager secure scalable observable testable readable concurrent distributed relational columnar embedded
managed hosted open versioned cached indexed sharded replicated encrypted signed compressed streaming batched paged`
    .split(/\s+/)
    .filter(Boolean);
const VERBS = `handle store validate cache route serialise retry schedule index encrypt sign stream batch
replicate migrate monitor trace log compress parse render queue balance throttle authenticate authorise`
  .split(/\s+/)
  .filter(Boolean);
const NAMES = `Quartz Relay Harbor Ember Falcon Lumen Cobalt Nimbus Orbit Sable Tundra Vector Willow Zephyr Atlas
Beacon Cinder Drift Echo Flint Glacier Helix Iris Juniper Kestrel Lattice Meadow Nova Onyx Prism Quill Raven Summit
Tidal Umber Vortex Warden Yarrow Zenith Aspen Birch Cedar Dune Fjord Grove Heron Inlet Jasper Koda Larch`
  .split(/\s+/)
  .filter(Boolean);

/** A small seeded random generator (mulberry32), so corpora are reproducible. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const some = (list, min, max) => {
    const count = Math.min(list.length, min + int(max - min + 1));
    const chosen = new Set();
    while (chosen.size < count) chosen.add(pick(list));
    return [...chosen];
  };
  return { next, int, pick, some };
}

/** "cache" -> "caches", "retry" -> "retries", "index" -> "indexes": third person and plural alike. */
const s_ = (word) =>
  /(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
/** The word with "a" or "an" before it. */
const a_ = (word) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const cap = (word) => word[0].toUpperCase() + word.slice(1);
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const yamlList = (items) => `[${items.join(', ')}]`;
const quote = (text) => `'${text.replace(/'/g, "''")}'`;

/** How many entries of each collection a corpus of `pages` entries has. */
export function collectionSizes(pages) {
  const roles = Math.max(3, Math.round(pages * SHARES.roles));
  const languages = Math.max(3, Math.round(pages * SHARES.languages));
  const tools = Math.max(languages * 2, Math.round(pages * SHARES.tools));
  const faq = Math.max(3, Math.round(pages * SHARES.faq));
  const guides = Math.max(3, pages - roles - languages - tools - faq);
  return { roles, languages, tools, guides, faq };
}

/** Titles and ids of every entry, before any text is written. */
function planEntries(pages, rng) {
  const sizes = collectionSizes(pages);
  const entries = [];
  for (const [collection, count] of Object.entries(sizes)) {
    for (let i = 1; i <= count; i++) {
      const name = `${rng.pick(NAMES)} ${cap(rng.pick(NOUNS))} ${i}`;
      const title =
        collection === 'faq'
          ? `How does ${a_(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)} work with ${name}?`
          : collection === 'guides'
            ? `${cap(rng.pick(ADJECTIVES))} ${s_(rng.pick(NOUNS))}: ${name}`
            : name;
      entries.push({ collection, index: i, title, id: `${slug(name)}`, data: {} });
    }
  }
  return { sizes, entries };
}

/** Frontmatter fields that depend on the collection, references included. */
function assignFacts(entries, rng) {
  const of = (collection) => entries.filter((e) => e.collection === collection);
  const languages = of('languages');
  const tools = of('tools');
  // A quarter of the tools are frameworks, at least two per language; each belongs to one language.
  const frameworkCount = Math.max(languages.length * 2, Math.round(tools.length / 4));
  tools.forEach((tool, i) => {
    tool.category = i < frameworkCount ? 'framework' : TOOL_CATEGORIES[1 + (i % (TOOL_CATEGORIES.length - 1))];
    tool.languages = [];
  });
  const frameworks = tools.filter((t) => t.category === 'framework');
  for (const language of languages) language.frameworks = [];
  frameworks.forEach((framework, i) => {
    const language = languages[i % languages.length];
    framework.languages.push(language.id);
    language.frameworks.push(framework.id);
  });
  // Some non-framework tools serve a language or two; that side needs no back-reference.
  for (const tool of tools) {
    if (tool.category !== 'framework' && rng.next() < 0.3) tool.languages = rng.some(languages, 1, 2).map((l) => l.id);
  }
  for (const role of of('roles')) {
    role.languages = rng.some(languages, 2, 4).map((l) => l.id);
    role.frameworks = rng.some(frameworks, 2, 4).map((t) => t.id);
    role.tools = rng.some(tools.slice(frameworkCount), 3, 5).map((t) => t.id);
  }
}

/** Another entry to point to: mostly anywhere, sometimes one of the few hubs everything cites. */
function target(entries, hubs, rng, self) {
  for (;;) {
    const other = rng.next() < HUB_SHARE ? rng.pick(hubs) : rng.pick(entries);
    if (other !== self) return other;
  }
}

function frontmatter(entry, entries, hubs, rng) {
  const { collection } = entry;
  const description = `${cap(a_(rng.pick(ADJECTIVES)))} look at ${entry.title.replace(/\?$/, '')}: how it ${s_(rng.pick(VERBS))} ${s_(rng.pick(NOUNS))} and where it fits in a backend.`;
  const related = { roles: [], languages: [], tools: [], guides: [], faq: [] };
  for (let i = 0, n = 2 + rng.int(4); i < n; i++) {
    const other = target(entries, hubs, rng, entry);
    if (!related[other.collection].includes(other.id)) related[other.collection].push(other.id);
  }
  const lines = [
    `title: ${quote(entry.title)}`,
    `description: ${quote(description.slice(0, 200))}`,
    `order: ${entry.index}`,
  ];
  if (collection === 'roles') {
    lines.push(
      `focus: ${cap(s_(rng.pick(NOUNS)))}, ${s_(rng.pick(NOUNS))} and ${s_(rng.pick(NOUNS))}`,
      `visibility: ${cap(rng.pick(ADJECTIVES))} to users`,
      `languages: ${yamlList(entry.languages)}`,
      `otherLanguages: [SQL, HTML]`,
      `frameworks: ${yamlList(entry.frameworks)}`,
      `tools: ${yamlList(entry.tools)}`,
      `otherTools: [Linux command line]`,
      'responsibilities:',
      ...[0, 1, 2, 3].map(
        () => `  - ${cap(rng.pick(VERBS))} ${s_(rng.pick(NOUNS))} for the ${rng.pick(NOUNS)} ${rng.pick(NOUNS)}`,
      ),
      'skills:',
      ...[0, 1, 2].map(() => `  - ${cap(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)} design`),
    );
  } else if (collection === 'languages') {
    lines.push(
      `typing: ${rng.pick(TYPING)}`,
      `paradigms: ${yamlList(rng.some([...PARADIGMS], 1, 3))}`,
      `concurrency: ${cap(rng.pick(ADJECTIVES))} ${s_(rng.pick(NOUNS))} on an event loop`,
      `firstReleased: ${1960 + rng.int(60)}`,
      `packageManager: ${entry.title} package index`,
      `runtime: ${entry.title} virtual machine`,
      `frameworks: ${yamlList(entry.frameworks)}`,
      `useCases: [${cap(rng.pick(NOUNS))} services, ${cap(rng.pick(ADJECTIVES))} APIs]`,
      `website: https://example.org/${entry.id}/`,
    );
  } else if (collection === 'tools') {
    lines.push(
      `category: ${entry.category}`,
      `languages: ${yamlList(entry.languages)}`,
      `firstReleased: ${1990 + rng.int(34)}`,
      `maintainer: The ${entry.title} project`,
      `license: ${rng.pick(['MIT', 'Apache-2.0', 'BSD-3-Clause', 'Proprietary service'])}`,
      `website: https://example.org/${entry.id}/`,
    );
  }
  lines.push(
    'related:',
    ...Object.entries(related)
      .filter(([, ids]) => ids.length > 0)
      .map(([name, ids]) => `  ${name}: ${yamlList(ids)}`),
  );
  return `---\n${lines.join('\n')}\n---\n`;
}

const CODE = {
  python: (n) =>
    `def handle_${n}(request):\n    items = [item for item in request["items"] if item["active"]]\n    total = sum(item["price"] for item in items)\n    return {"count": len(items), "total": total}\n\n\nprint(handle_${n}({"items": [{"active": True, "price": 3}]}))\n`,
  javascript: (n) =>
    `export async function handle${n}(request) {\n  const items = request.items.filter((item) => item.active);\n  const total = items.reduce((sum, item) => sum + item.price, 0);\n  return { count: items.length, total };\n}\n\nconsole.log(await handle${n}({ items: [{ active: true, price: 3 }] }));\n`,
  go: (n) =>
    `package main\n\nimport "fmt"\n\ntype Item${n} struct {\n\tActive bool\n\tPrice  int\n}\n\nfunc main() {\n\ttotal := 0\n\tfor _, item := range []Item${n}{{true, 3}, {false, 4}} {\n\t\tif item.Active {\n\t\t\ttotal += item.Price\n\t\t}\n\t}\n\tfmt.Println(total)\n}\n`,
  sql: (n) =>
    `CREATE TABLE orders_${n} (\n  id BIGINT PRIMARY KEY,\n  customer_id BIGINT NOT NULL,\n  total_cents INTEGER NOT NULL,\n  created_at TIMESTAMP NOT NULL\n);\n\nSELECT customer_id, SUM(total_cents) AS spent\nFROM orders_${n}\nGROUP BY customer_id\nORDER BY spent DESC\nLIMIT 10;\n`,
  yaml: (n) =>
    `services:\n  api-${n}:\n    image: example/api:${n}\n    ports:\n      - "8080:8080"\n    environment:\n      DATABASE_URL: postgres://app@db/app\n  db:\n    image: postgres:17\n`,
  bash: (n) =>
    `curl -s -X POST http://localhost:8080/orders \\\n  -H 'Content-Type: application/json' \\\n  -d '{"id": ${n}, "total": 300}'\ncurl -s http://localhost:8080/orders/${n} | jq .total\n`,
};
const CODE_LANGS = Object.keys(CODE);

/**
 * A small diagram, drawn anew on every page (its lines, not only its title, name the entry): a
 * flowchart or a sequence diagram in turn, on one page in five. Uses no randomness, so the
 * rest of the corpus is the same as without diagrams.
 */
function diagram(entry) {
  const n = entry.index;
  if (n % 5 !== 0) return [];
  const source =
    n % 10 === 0
      ? `flowchart LR\n  accTitle: How ${entry.title} handles request ${n}\n  accDescr: A client calls the API, which reads the cache and the database for request ${n}.\n  C[Client] -->|request ${n}| A[${entry.id} API]\n  A --> K[(Cache)]\n  A -->|on a miss| D[(Database)]\n  A -->|response| C`
      : `sequenceDiagram\n  accTitle: Order ${n} in ${entry.title}\n  accDescr: The client sends order ${n}; the service stores it and replies.\n  participant C as Client\n  participant S as ${entry.id}\n  participant D as Database\n  C->>S: POST /orders/${n}\n  S->>D: INSERT order ${n}\n  D-->>S: ok\n  S-->>C: 201 Created`;
  return ['## In a picture', `\`\`\`mermaid\n${source}\n\`\`\``];
}

/** A paragraph of `sentences` sentences, with inline links to `links` other entries. */
function paragraph(rng, sentences, links = []) {
  const out = [];
  for (let i = 0; i < sentences; i++) {
    const link = links[i];
    const subject = link
      ? `[${link.title}](/${link.collection}/${link.id}/)`
      : `${a_(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`;
    const templates = [
      () =>
        `In practice ${subject} ${s_(rng.pick(VERBS))} every ${rng.pick(NOUNS)} before the ${rng.pick(NOUNS)} reaches the ${rng.pick(NOUNS)}.`,
      () =>
        `Teams pick ${subject} when the ${rng.pick(NOUNS)} must stay ${rng.pick(ADJECTIVES)} while the ${rng.pick(NOUNS)} grows.`,
      () =>
        `The ${rng.pick(NOUNS)} layer is where ${subject} ${s_(rng.pick(VERBS))} the ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} and keeps the ${rng.pick(NOUNS)} small.`,
      () =>
        `A common mistake is to let ${subject} ${rng.pick(VERBS)} each ${rng.pick(NOUNS)} twice, which makes the ${rng.pick(NOUNS)} slower than it needs to be.`,
      () =>
        `Compared with ${a_(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}, ${subject} trades a little ${rng.pick(NOUNS)} for a much clearer ${rng.pick(NOUNS)}.`,
      () =>
        `You will meet ${subject} again when you look at how the ${rng.pick(NOUNS)} and the ${rng.pick(NOUNS)} talk to each other.`,
    ];
    out.push(rng.pick(templates)());
  }
  return out.join(' ');
}

function table(rng) {
  const rows = [0, 1, 2, 3].map(
    () =>
      `| ${cap(rng.pick(NOUNS))} | ${cap(rng.pick(ADJECTIVES))} ${s_(rng.pick(NOUNS))} | ${s_(rng.pick(VERBS))} the ${rng.pick(NOUNS)} |`,
  );
  return ['| Part | Strength | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The Markdown body: paragraphs under headings, a list, a table and a code block, to about `words` words. */
function body(entry, entries, hubs, rng, words) {
  const links = [0, 1, 2, 3].map(() => target(entries, hubs, rng, entry));
  const lang = CODE_LANGS[(entry.index + entry.collection.length) % CODE_LANGS.length];
  // An FAQ answer is short (the content rules allow 60 to 200 words): two paragraphs and a table.
  if (entry.collection === 'faq') {
    return `\n${[paragraph(rng, 3, links.slice(0, 2)), table(rng), paragraph(rng, 2, links.slice(2))].join('\n\n')}\n`;
  }
  const parts = [
    paragraph(rng, 3, links.slice(0, 2)),
    `## How ${entry.title.replace(/\?$/, '')} works`,
    paragraph(rng, 3),
    table(rng),
    '## An example',
    paragraph(rng, 2),
    `\`\`\`${lang}\n${CODE[lang](entry.index)}\`\`\``,
    ...diagram(entry),
  ];
  const tail = [
    `## In a real ${rng.pick(NOUNS)}`,
    paragraph(rng, 2, links.slice(2)),
    `- ${cap(rng.pick(VERBS))} the ${rng.pick(NOUNS)}\n- Keep the ${rng.pick(NOUNS)} ${rng.pick(ADJECTIVES)}\n- Measure the ${rng.pick(NOUNS)}`,
  ];
  let text = [...parts, ...tail].join('\n\n');
  for (let section = 1; bodyModel(text).words < words - 40; section++) {
    if (section % 3 === 0) text += `\n\n### ${cap(rng.pick(ADJECTIVES))} ${s_(rng.pick(NOUNS))}`;
    text += `\n\n${paragraph(rng, 3)}`;
  }
  return `\n${text}\n`;
}

/**
 * Writes a corpus of `pages` entries into `dir` (which must not exist yet or be empty).
 * Returns the sizes of the collections and the average prose words per page.
 */
export function writeCorpus(dir, pages, seed = 20260) {
  const rng = random(seed + pages);
  const { sizes, entries } = planEntries(pages, rng);
  assignFacts(entries, rng);
  const hubs = Object.keys(sizes).flatMap((name) =>
    entries.filter((e) => e.collection === name).slice(0, HUBS_PER_COLLECTION),
  );
  let words = 0;
  for (const name of Object.keys(sizes)) mkdirSync(join(dir, name), { recursive: true });
  for (const entry of entries) {
    const text = body(entry, entries, hubs, rng, WORDS[entry.collection]);
    words += bodyModel(text).words;
    writeFileSync(join(dir, entry.collection, `${entry.id}.mdx`), frontmatter(entry, entries, hubs, rng) + text);
  }
  return { sizes, entries: entries.length, wordsPerPage: Math.round(words / entries.length) };
}
