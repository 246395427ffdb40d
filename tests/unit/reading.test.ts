import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { markdownTwin, portableMarkdown } from '../../src/lib/markdown/index.ts';
import { llmsTxt } from '../../src/lib/llms-txt';
import { formatDate, parseLastCommitDates } from '../../src/lib/git-history';
import { editUrl } from '../../src/lib/site-config';
import { nextTheme, THEME_SCRIPT } from '../../src/lib/theme';
import { codeTabLabel } from '../../src/lib/code-tabs';
import { markdownPath } from '../../src/lib/urls';

const absolute = (path: string) => `https://example.org/guide${path}`;

describe('markdown twin', () => {
  const body = [
    "import Thing from '~/components/mdx/Thing.astro';",
    '',
    'Read [Django](/tools/django/) and [the spec](https://example.com/spec) or [a section](#part).',
    '',
    '<CodeTabs>',
    '',
    '```python',
    'import os',
    'print("[x](/not/a/link/)")',
    '```',
    '',
    '</CodeTabs>',
  ].join('\n');

  it('drops MDX imports and component tags, keeps code as written', () => {
    const text = portableMarkdown(body, absolute);
    expect(text).not.toContain('import Thing');
    expect(text).not.toContain('CodeTabs');
    expect(text).toContain('```python\nimport os\nprint("[x](/not/a/link/)")\n```');
  });

  it('makes root-relative links absolute and leaves other links alone', () => {
    const text = portableMarkdown(body, absolute);
    expect(text).toContain('[Django](https://example.org/guide/tools/django/)');
    expect(text).toContain('[the spec](https://example.com/spec)');
    expect(text).toContain('[a section](#part)');
  });

  it('starts with the title and the description', () => {
    expect(markdownTwin({ title: 'Python', description: 'A language.', body: 'Text.' }, absolute)).toBe(
      '# Python\n\n> A language.\n\nText.\n',
    );
  });

  it('lives next to the page, .md in place of the trailing slash', () => {
    expect(markdownPath('languages', 'python')).toBe('/languages/python.md');
  });
});

describe('llms.txt', () => {
  it('lists each section with its entries, URLs and descriptions; empty sections left out', () => {
    const text = llmsTxt({
      name: 'Guide',
      summary: 'Summary.',
      details: 'Details.',
      sections: [
        {
          label: 'Languages',
          entries: [{ title: 'Python', description: 'A language.', url: absolute('/languages/python/') }],
        },
        { label: 'Empty', entries: [] },
      ],
    });
    expect(text).toBe(
      '# Guide\n\n> Summary.\n\nDetails.\n\n## Languages\n\n- [Python](https://example.org/guide/languages/python/): A language.\n',
    );
  });
});

describe('git history', () => {
  const log = [
    '\u00002026-03-02T10:00:00+01:00',
    '',
    'content/a.mdx',
    'content/b.mdx',
    '',
    '\u00002026-01-01T09:00:00Z',
    '',
    'content/a.mdx',
    'content/c.mdx',
    '',
  ].join('\n');

  it('keeps the newest commit date of each file', () => {
    const dates = parseLastCommitDates(log, '/repo');
    expect(Object.fromEntries(dates)).toEqual({
      [resolve('/repo/content/a.mdx')]: '2026-03-02T10:00:00+01:00',
      [resolve('/repo/content/b.mdx')]: '2026-03-02T10:00:00+01:00',
      [resolve('/repo/content/c.mdx')]: '2026-01-01T09:00:00Z',
    });
  });

  it('gives nothing for an empty log', () => {
    expect(parseLastCommitDates('', '/repo').size).toBe(0);
  });

  it('formats dates in UTC', () => {
    expect(formatDate('2026-03-02T00:30:00+01:00')).toBe('1 March 2026');
  });
});

describe('edit links', () => {
  it('has none without a repository', () => {
    expect(editUrl('content/languages/python.mdx', '')).toBeUndefined();
  });

  it('points at the web editor of GitHub-style and GitLab hosts', () => {
    expect(editUrl('content/languages/python.mdx', 'https://github.com/o/guide/', 'main')).toBe(
      'https://github.com/o/guide/edit/main/content/languages/python.mdx',
    );
    expect(editUrl('./content/faq/a b.mdx', 'https://gitlab.com/o/guide.git', 'trunk')).toBe(
      'https://gitlab.com/o/guide/-/edit/trunk/content/faq/a%20b.mdx',
    );
  });
});

describe('theme', () => {
  it('cycles system, light, dark', () => {
    expect([undefined, 'system', 'light', 'dark', 'bogus'].map(nextTheme)).toEqual([
      'system',
      'light',
      'dark',
      'system',
      'system',
    ]);
  });

  it('applies the stored choice before paint, falling back to system', () => {
    const run = (stored: string | null, throws = false) => {
      const root = { dataset: {} as Record<string, string> };
      const storage = {
        getItem: () =>
          throws
            ? (() => {
                throw new Error('denied');
              })()
            : stored,
      };
      new Function('localStorage', 'document', THEME_SCRIPT)(storage, { documentElement: root });
      return root.dataset['theme'];
    };
    expect([run('dark'), run('light'), run(null), run('purple'), run('dark', true)]).toEqual([
      'dark',
      'light',
      'system',
      'system',
      'system',
    ]);
  });
});

describe('code tabs', () => {
  it('names tabs after the language', () => {
    expect([codeTabLabel('python'), codeTabLabel('JS'), codeTabLabel('elixir'), codeTabLabel(undefined)]).toEqual([
      'Python',
      'JavaScript',
      'elixir',
      'Code',
    ]);
  });
});
