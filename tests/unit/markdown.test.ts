// The one Markdown model: what it reads from a body, and that remark reads every entry the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  bodyModel,
  markdownTwin,
  modelOf,
  plainText,
  portableMarkdown,
  readEntryFile,
} from '../../src/lib/markdown/index.ts';
import { findBrokenLinks, internalTarget } from '../../src/lib/links';
import { COLLECTIONS } from '../../src/schemas';

const BODY = [
  'Intro with `code` and [Django](/tools/django/).',
  '',
  '````markdown',
  '```python',
  'not a block of its own',
  '```',
  '````',
  '',
  '- A list item with code:',
  '',
  '  ```bash',
  '  echo indented',
  '  ```',
  'See [the REST part][rest] and <a href="/guides/apis/#graphql">GraphQL</a>.',
  '',
  '## Don\'t "panic" -- yet',
  '',
  '<CodeTabs>',
  '',
  '```python partial',
  'x = 1',
  '```',
  '',
  '</CodeTabs>',
  '',
  '[rest]: /guides/apis/#rest',
  '',
].join('\n');

describe('the body model', () => {
  const model = bodyModel(BODY);

  it('finds inline, reference-style and JSX links with their lines', () => {
    expect(model.links).toEqual([
      { url: '/tools/django/', line: 1 },
      { url: '/guides/apis/#graphql', line: 14 },
      { url: '/guides/apis/#rest', line: 26 },
    ]);
  });

  it('finds four-backtick, list-indented and component-wrapped code blocks', () => {
    expect(model.codeBlocks.map(({ lang, meta, line }) => ({ lang, meta, line }))).toEqual([
      { lang: 'markdown', meta: '', line: 3 },
      { lang: 'bash', meta: '', line: 11 },
      { lang: 'python', meta: 'partial', line: 20 },
    ]);
    expect(model.codeBlocks[0]?.code).toContain('not a block of its own');
  });

  it('gives headings the ids the rendered page gives them (smart punctuation included)', () => {
    expect(model.headings).toEqual([{ depth: 2, text: 'Don’t “panic” – yet', id: 'dont-panic--yet' }]);
  });

  it('counts prose words, not code, link targets or JSX', () => {
    expect(
      bodyModel('Two words.\n\n```js\nconst a = 1;\n```\n\n<CodeTabs>\n</CodeTabs>\n\n[link text](/x/) `code`').words,
    ).toBe(5);
  });

  it('writes plain text with blocks separated', () => {
    expect(plainText('# Title\n\nOne *two*.\n\n- three\n- four\n\n```js\nfive\n```')).toBe('Title One two. three four');
  });
});

describe('the Markdown twin', () => {
  const resolve = (path: string) => `https://guide.example${path}`;

  it('drops components but keeps their content, and resolves root-relative links', () => {
    const text = portableMarkdown(BODY, resolve);
    expect(text).not.toContain('CodeTabs');
    expect(text).toContain('```python partial\nx = 1\n```');
    expect(text).toContain('[Django](https://guide.example/tools/django/)');
    expect(text).toContain('[GraphQL](https://guide.example/guides/apis/#graphql)');
    expect(text).toContain('[rest]: https://guide.example/guides/apis/#rest');
    expect(text).toContain('## Don\'t "panic" -- yet');
  });

  it("keeps the author's text byte for byte around what it changes", () => {
    const body = [
      "import Note from '../x.astro';",
      '',
      'Press <kbd>Ctrl</kbd>+*C*, see [the *API* part](/guides/apis/ "APIs") or [MDN](https://developer.mozilla.org/).',
      '',
      '![A diagram](/images/d.png) {1 + 1}',
      '',
      '<Note>',
      '| a  | b |',
      '| -- | - |',
      '| [x](/tools/x/) | 2 |',
      '</Note>',
      '',
      '<Empty />',
    ].join('\n');
    expect(portableMarkdown(body, resolve)).toBe(
      [
        'Press Ctrl+*C*, see [the *API* part](https://guide.example/guides/apis/ "APIs") or [MDN](https://developer.mozilla.org/).',
        '',
        '![A diagram](https://guide.example/images/d.png) ',
        '',
        '| a  | b |',
        '| -- | - |',
        '| [x](https://guide.example/tools/x/) | 2 |',
      ].join('\n'),
    );
  });

  it('puts title and description first', () => {
    expect(markdownTwin({ title: 'T', description: 'D', body: 'Hi.' }, resolve)).toBe('# T\n\n> D\n\nHi.\n');
  });
});

describe('entry files', () => {
  it('splits frontmatter and keeps body lines as file lines', () => {
    const { data, body } = readEntryFile('---\ntitle: A\n---\n\nBody', 'x.mdx');
    expect(data).toEqual({ title: 'A' });
    expect(body.split('\n')[4]).toBe('Body');
  });

  it('names the file on broken YAML', () => {
    expect(() => readEntryFile('---\ntitle: [oops\n---\n', 'content/faq/x.mdx')).toThrow(/content\/faq\/x\.mdx/);
  });
});

describe('body links', () => {
  const pages = new Map([
    ['/tools/x/', { headings: new Set(['setup']) }],
    ['/tools/draft/', { draft: true }],
    ['/compare/roles/', {}],
  ]);
  const check = (url: string) =>
    findBrokenLinks([{ filePath: 'content/guides/apis.mdx', lineOffset: 10, links: [{ url, line: 32 }] }], pages);

  it('passes links to pages and headings that exist, and leaves external links alone', () => {
    expect(
      ['/tools/x/', '/tools/x/#setup', '/compare/roles/#any', 'https://example.org/nope', 'mailto:a@b.c'].flatMap(
        check,
      ),
    ).toEqual([]);
  });

  it('names file and line for a missing page, heading, draft or missing slash', () => {
    expect(check('/tools/y/')).toEqual(['content/guides/apis.mdx:42: link to /tools/y/: no page at /tools/y/']);
    expect(check('/tools/x/#y')).toEqual([
      'content/guides/apis.mdx:42: link to /tools/x/#y: /tools/x/ has no heading "y"',
    ]);
    expect(check('/tools/draft/')).toEqual([
      'content/guides/apis.mdx:42: link to /tools/draft/: /tools/draft/ is a draft, which a production build leaves out',
    ]);
    expect(check('/tools/x')).toEqual([
      'content/guides/apis.mdx:42: link to /tools/x: no page at /tools/x (page URLs end in a slash: /tools/x/)',
    ]);
  });

  it('splits internal targets', () => {
    expect(internalTarget('/a/b/?q=1#c%20d')).toEqual({ path: '/a/b/', fragment: 'c d' });
    expect(internalTarget('//cdn.example/x')).toBeUndefined();
  });
});

// remark (remark-parse + remark-mdx + remark-gfm) is the reference reader of MDX; the model
// parses with Sätteri, the engine that renders the pages. They must agree on every entry.
describe('Sätteri and remark read the content the same way', () => {
  const remark = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const files = COLLECTIONS.flatMap((c) =>
    readdirSync(join('content', c))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => join('content', c, f)),
  );
  it.each(files)('%s', (file) => {
    const { body } = readEntryFile(readFileSync(file, 'utf8'), file);
    const ours = bodyModel(body);
    const theirs = modelOf(remark.parse(body) as Root);
    expect(ours.links).toEqual(theirs.links);
    expect(ours.codeBlocks).toEqual(theirs.codeBlocks);
    expect(ours.headings.map((h) => h.depth)).toEqual(theirs.headings.map((h) => h.depth));
    expect(Math.abs(ours.words - theirs.words)).toBeLessThanOrEqual(Math.ceil(theirs.words * 0.01));
  });
});
