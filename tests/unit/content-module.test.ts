// src/content.ts run through Astro's Vite setup with astro:content mocked, as Starlight's tests
// do: the snapshot, the cross-entry checks and the body-link check, without a build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionName } from '../../src/schemas';

type Collection = CollectionName | 'paths';

const work = mkdtempSync(join(tmpdir(), 'guide-content-module-'));

interface MockEntry {
  id: string;
  collection: Collection;
  data: Record<string, unknown>;
  body: string;
  filePath: string;
}

/** Entries as the content layer hands them over: frontmatter parsed, the file on disk for line numbers. */
let entries: MockEntry[] = [];

/** Enough prose for any collection's minimum, and a code example for language and framework pages. */
const PROSE = `${'Words of prose. '.repeat(410)}\n\n\`\`\`python\nprint("hi")\n\`\`\`\n`;

function entry(collection: CollectionName, id: string, data: Record<string, unknown>, body = PROSE): MockEntry {
  const refs = (value: unknown, target: string) =>
    Array.isArray(value) ? value.map((v) => ({ collection: target, id: v })) : value;
  const related = (value: Record<string, unknown> = {}) =>
    Object.fromEntries(['roles', 'languages', 'tools', 'guides', 'faq'].map((c) => [c, refs(value[c] ?? [], c)]));
  const filePath = join(work, `${collection}-${id}.mdx`);
  const frontmatter = '---\ntitle: x\n---\n';
  writeFileSync(filePath, frontmatter + body);
  return {
    id,
    collection,
    filePath,
    body,
    data: {
      order: 100,
      draft: false,
      aliases: [],
      description: 'A description long enough for the schema to accept it.',
      ...data,
      related: related(data['related'] as Record<string, unknown>),
      prerequisites: related(data['prerequisites'] as Record<string, unknown>),
      ...(data['frameworks'] ? { frameworks: refs(data['frameworks'], 'tools') } : {}),
      ...(data['languages'] ? { languages: refs(data['languages'], 'languages') } : {}),
    },
  };
}

vi.mock('astro:content', () => ({
  getCollection: async (name: Collection, filter?: (e: MockEntry) => boolean) =>
    entries.filter((e) => e.collection === name && (!filter || filter(e))),
}));

/** A fresh copy of src/content.ts, since it keeps its snapshot for the life of the module. */
async function content() {
  vi.resetModules();
  return import('../../src/content');
}

const python = () =>
  entry('languages', 'python', {
    title: 'Python',
    type: 'language',
    frameworks: ['flask'],
  });
const flask = () =>
  entry(
    'tools',
    'flask',
    { title: 'Flask', type: 'tool', category: 'framework', languages: ['python'] },
    `## Routing\n\n${PROSE}`,
  );

beforeEach(() => {
  entries = [python(), flask()];
  // A production build: drafts are left out and links to them are broken.
  vi.stubEnv('DEV', false);
  return () => vi.unstubAllEnvs();
});

describe('the content snapshot', () => {
  it('keeps outgoing links and backlinks from references and body links', async () => {
    entries.push(
      entry('guides', 'apis', { title: 'APIs', type: 'guide' }, `See [Flask](/tools/flask/#routing).\n\n${PROSE}`),
    );
    const { getAllEntries, getOutgoing, getBacklinks, getBodyModel } = await content();
    const all = await getAllEntries();
    const apis = all.find((e) => e.id === 'apis')!;
    const flaskEntry = all.find((e) => e.id === 'flask')!;
    expect((await getOutgoing(apis)).map((e) => e.id)).toEqual(['flask']);
    expect((await getBacklinks(flaskEntry)).map((e) => e.id).sort()).toEqual(['apis', 'python']);
    expect((await getBodyModel(flaskEntry)).headings.map((h) => h.id)).toEqual(['routing']);
  });

  it('leaves drafts out of a production build', async () => {
    entries.push(entry('guides', 'wip', { title: 'WIP', type: 'guide', draft: true }));
    const { getEntries } = await content();
    expect((await getEntries('guides')).map((e) => e.id)).toEqual([]);
  });
});

describe('cross-entry checks, all reported at once', () => {
  it('names file and field of a reference to a missing entry', async () => {
    entries.push(entry('guides', 'apis', { title: 'APIs', type: 'guide', related: { tools: ['djnago'] } }));
    const { getAllEntries } = await content();
    await expect(getAllEntries()).rejects.toThrow(/guides-apis\.mdx: field "related\.tools\[0\]" references "djnago"/);
  });

  it('names file and line of a body link to a missing page, a missing heading and a draft', async () => {
    entries.push(
      entry('guides', 'wip', { title: 'WIP', type: 'guide', draft: true }),
      entry(
        'guides',
        'apis',
        { title: 'APIs', type: 'guide' },
        `Intro.\n\n[x](/tools/djnago/) and [y](/tools/flask/#setup)\n\n[z](/guides/wip/) <a href="/nope/">n</a>\n\n${PROSE}`,
      ),
    );
    const { getAllEntries } = await content();
    const error = await getAllEntries().then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toContain('Invalid content (4 problems)');
    expect(error).toContain('guides-apis.mdx:6: link to /tools/djnago/: no page at /tools/djnago/');
    expect(error).toContain('guides-apis.mdx:6: link to /tools/flask/#setup: /tools/flask/ has no heading "setup"');
    expect(error).toContain('guides-apis.mdx:8: link to /guides/wip/: /guides/wip/ is a draft');
    expect(error).toContain('guides-apis.mdx:8: link to /nope/: no page at /nope/');
  });

  it('accepts links to the site pages that are not entries', async () => {
    entries.push(
      entry(
        'guides',
        'apis',
        { title: 'APIs', type: 'guide' },
        `[a](/compare/roles/) [b](/tools/) [c](/search/?q=x) [d](/llms.txt)\n\n${PROSE}`,
      ),
    );
    const { getAllEntries } = await content();
    await expect(getAllEntries()).resolves.toHaveLength(3);
  });

  it('names both sides of a framework and language that disagree', async () => {
    entries = [entry('languages', 'python', { title: 'Python', type: 'language', frameworks: [] }), flask()];
    const { getAllEntries } = await content();
    await expect(getAllEntries()).rejects.toThrow(/languages-python\.mdx: field "frameworks" must include "flask"/);
  });
});

describe('authoring rules', () => {
  it('fail a production build naming the file, and only warn under astro dev', async () => {
    entries.push(entry('guides', 'short', { title: 'Short', type: 'guide' }, 'Too short.\n'));
    const production = await content();
    await expect(production.getAllEntries()).rejects.toThrow(
      /guides-short\.mdx: 2 words of prose; a page in guides needs at least 1200/,
    );
    vi.stubEnv('DEV', true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dev = await content();
    await expect(dev.getAllEntries()).resolves.toHaveLength(3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('guides-short.mdx'));
  });

  it('refuse a code block in a language the highlighter does not know, naming its line', async () => {
    const body = `${PROSE}\n\`\`\`pyhton\nprint("hi")\n\`\`\`\n\n\`\`\`Caddyfile\n:80\n\`\`\`\n\n\`\`\`text\nplain\n\`\`\`\n`;
    entries.push(entry('guides', 'langs', { title: 'Langs', type: 'guide' }, body));
    const { getAllEntries } = await content();
    const error = await getAllEntries().then(
      () => '',
      (e: unknown) => String(e),
    );
    // Three lines of frontmatter, five of PROSE and a blank one: the fence is the file's line 10.
    expect(error).toContain('guides-langs.mdx:10: code block in "pyhton", a language the highlighter does not know');
    // An alias (any case) and a plain-text name are fine, and so are the blocks PROSE brings.
    expect(error.match(/code block in/g)).toHaveLength(1);
  });
});
