import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { markdownTwin, portableMarkdown } from '../../src/lib/markdown/index.ts';
import { llmsTxt } from '../../src/lib/llms-txt';
import { formatDate, parseLastCommitDates } from '../../src/lib/git-history';
import { editUrl } from '../../src/lib/site-config';
import { THEME_SCRIPT } from '../../src/lib/theme';
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
  /** Runs the head script against a fake document and storage; returns what a test drives. */
  const start = (stored: string | null, denied = false) => {
    const root = { dataset: {} as Record<string, string> };
    const saved = new Map<string, string>(stored === null ? [] : [['theme', stored]]);
    const refuse = () => {
      if (denied) throw new Error('denied');
    };
    const storage = {
      getItem: (key: string) => (refuse(), saved.get(key) ?? null),
      setItem: (key: string, value: string) => (refuse(), saved.set(key, value)),
      removeItem: (key: string) => (refuse(), saved.delete(key)),
    };
    let onClick: ((event: { target: unknown }) => void) | undefined;
    const document = {
      documentElement: root,
      addEventListener: (type: string, listener: typeof onClick) => type === 'click' && (onClick = listener),
    };
    new Function('localStorage', 'document', THEME_SCRIPT)(storage, document);
    const button = { closest: (selector: string) => (selector === '[data-theme-toggle]' ? button : null) };
    const elsewhere = { closest: () => null };
    return {
      theme: () => root.dataset['theme'],
      stored: () => saved.get('theme'),
      click: (target: unknown = button) => onClick?.({ target }),
      elsewhere,
    };
  };

  it('applies the stored choice before paint, falling back to system', () => {
    const theme = (stored: string | null, denied = false) => start(stored, denied).theme();
    expect([theme('dark'), theme('light'), theme(null), theme('purple'), theme('dark', true)]).toEqual([
      'dark',
      'light',
      'system',
      'system',
      'system',
    ]);
  });

  it('cycles system, light, dark on a click of the button, storing all but system', () => {
    const page = start(null);
    const seen: [string | undefined, string | undefined][] = [];
    for (let i = 0; i < 3; i++) {
      page.click();
      seen.push([page.theme(), page.stored()]);
    }
    expect(seen).toEqual([
      ['light', 'light'],
      ['dark', 'dark'],
      ['system', undefined],
    ]);
    // A click anywhere else, or on a text node (no closest), changes nothing.
    page.click(page.elsewhere);
    page.click({});
    expect(page.theme()).toBe('system');
  });

  it('still cycles for the page when storage refuses', () => {
    const page = start(null, true);
    page.click();
    expect(page.theme()).toBe('light');
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
