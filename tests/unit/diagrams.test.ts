// Diagrams drawn at build time (config/diagrams/): run through Sätteri as the build runs them.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { markdownToHtml, mdxToJs } from 'satteri';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDiagramCache,
  DiagramError,
  mermaidDiagrams,
  prepareDiagram,
  renderDiagram,
  type DiagramCache,
} from '../../config/diagrams/index.ts';

// Counts the renderer's calls, so the cache tests see real drawing, not the cache's own word.
const draws = vi.hoisted(() => ({ count: 0 }));
vi.mock('beautiful-mermaid', async (original) => {
  const real = await original<typeof import('beautiful-mermaid')>();
  return {
    ...real,
    renderMermaidSVG: (...args: Parameters<typeof real.renderMermaidSVG>) => {
      draws.count++;
      return real.renderMermaidSVG(...args);
    },
  };
});

const FILE = new URL('../../content/guides/example.mdx', import.meta.url);

const fence = (source: string) => `\`\`\`mermaid\n${source}\n\`\`\``;

const DIAGRAMS = {
  flowchart: `flowchart LR
  accTitle: A request
  accDescr: The browser asks the server, which reads the database.
  B[Browser] -->|HTTPS| S[Server]
  S --> D[(Database)]`,
  sequence: `sequenceDiagram
  accTitle: Cache-aside read
  accDescr: The app asks the cache first and falls back to the database.
  participant App
  participant Cache
  App->>Cache: GET user:42
  Cache-->>App: miss`,
  class: `classDiagram
  accTitle: Animals
  accDescr: A duck is an animal.
  Animal <|-- Duck
  Animal : +int age
  Duck : +swim()`,
  er: `erDiagram
  accTitle: Orders
  accDescr: A customer places zero or more orders.
  CUSTOMER ||--o{ ORDER : places
  ORDER {
    int id PK
  }`,
  state: `stateDiagram-v2
  accTitle: A job
  accDescr: A job waits, runs and ends.
  [*] --> Waiting
  Waiting --> Running : picked up
  Running --> [*]`,
};

/** The page fragment the build makes of `markdown`, with the diagram plugin and a fresh cache. */
function build(markdown: string, cache: DiagramCache = createDiagramCache()): HTMLElement {
  const { html } = markdownToHtml(markdown, { mdastPlugins: [mermaidDiagrams({ cache })], fileURL: FILE });
  // <pre> is parsed as markup too, not kept as text.
  return parse(html, { blockTextElements: {} });
}

/** The error a compile of `markdown` throws. */
function buildError(markdown: string): Error & { line?: number } {
  try {
    build(markdown);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the build did not fail');
}

beforeEach(() => {
  draws.count = 0;
});

describe('a diagram on a page', () => {
  it.each(Object.entries(DIAGRAMS))('%s: an inline SVG with role=img, a title and a description', (_kind, source) => {
    const page = build(fence(source));
    const svg = page.querySelector('figure.diagram svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const title = page.getElementById(svg.getAttribute('aria-labelledby')!);
    const desc = page.getElementById(svg.getAttribute('aria-describedby')!);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.parentNode).toBe(svg);
    expect(title?.text).toBe(/accTitle: (.*)/.exec(source)![1]);
    expect(desc?.text).toBe(/accDescr: (.*)/.exec(source)![1]);
    expect(svg.querySelectorAll('text').length).toBeGreaterThan(0);
  });

  it('has a caption, a focusable labelled scroll box and a text version', () => {
    const page = build(fence(DIAGRAMS.sequence));
    const figure = page.querySelector('figure.diagram')!;
    expect(figure.querySelector('figcaption')?.text).toBe(
      'Cache-aside read The app asks the cache first and falls back to the database.',
    );
    const scroll = figure.querySelector('.diagram-scroll')!;
    expect(scroll.getAttribute('tabindex')).toBe('0');
    expect(page.getElementById(scroll.getAttribute('aria-labelledby')!)?.text).toBe('Cache-aside read');
    const details = figure.querySelector('details')!;
    expect(details.querySelector('summary')?.text).toBe('Diagram as text');
    expect(details.querySelectorAll('li').map((li) => li.text)).toEqual([
      'App → Cache: GET user:42',
      'Cache → App: miss',
    ]);
    expect(details.querySelector('pre')?.text).toBe(
      'sequenceDiagram\n  participant App\n  participant Cache\n  App->>Cache: GET user:42\n  Cache-->>App: miss',
    );
  });

  it('says each relationship in words', () => {
    const words = (source: string) =>
      build(fence(source))
        .querySelectorAll('details li')
        .map((li) => li.text);
    expect(words(DIAGRAMS.flowchart)).toEqual(['Browser → Server: HTTPS', 'Server → Database']);
    expect(words(DIAGRAMS.er)).toEqual(['CUSTOMER (exactly one) — ORDER (zero or more): places']);
    expect(words(DIAGRAMS.state)).toEqual(['start → Waiting', 'Waiting → Running: picked up', 'Running → end']);
  });

  it.each(Object.entries(DIAGRAMS))('%s: references nothing outside the page', (_kind, source) => {
    const html = build(fence(source)).toString();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|<style|\sstyle=|xlink|<image|<a\s/);
    // Every url(#…) points into the same page.
    const page = parse(html, { blockTextElements: {} });
    for (const match of html.matchAll(/url\(([^)]*)\)/g)) {
      expect(match[1]).toMatch(/^#/);
      expect(page.getElementById(match[1]!.slice(1))).not.toBeNull();
    }
  });

  it('gives every id on the page once, with two diagrams of a kind and one of them twice', () => {
    const other = DIAGRAMS.sequence.replace('GET user:42', 'GET user:43');
    const page = build([DIAGRAMS.sequence, other, DIAGRAMS.sequence].map(fence).join('\n\ntext\n\n'));
    expect(page.querySelectorAll('svg[role="img"]')).toHaveLength(3);
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.length).toBeGreaterThan(6);
    expect(new Set(ids).size).toBe(ids.length);
    // Each SVG's arrows use its own marker.
    for (const svg of page.querySelectorAll('svg')) {
      const own = new Set(svg.querySelectorAll('[id]').map((el) => el.id));
      for (const line of svg.querySelectorAll('[marker-end]')) {
        expect(own.has(/url\(#(.*)\)/.exec(line.getAttribute('marker-end')!)![1]!)).toBe(true);
      }
    }
  });

  it('comes out the same from MDX, with its braces and asterisks as plain text', async () => {
    const source = DIAGRAMS.flowchart.replace('[Server]', '[Server {v2} *main*]');
    const { code } = await mdxToJs(`Intro\n\n${fence(source)}\n`, {
      mdastPlugins: [mermaidDiagrams({ cache: createDiagramCache() })],
      fileURL: FILE,
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
      optimizeStatic: { component: 'Fragment', prop: 'set:html' },
    });
    expect(code).toContain('role=\\"img\\"');
    expect(code).toContain('Server {v2} *main*');
    expect(code).not.toContain('<em>');
  });

  it('widens the picture to a message label longer than the gap between its participants', () => {
    const label = 'ClientHello (TLS versions, cipher suites, key share, SNI, ALPN)';
    const svg = build(fence(`sequenceDiagram\n  accTitle: T\n  accDescr: D\n  C->>S: ${label}`)).querySelector('svg')!;
    const [x, , width] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    const text = svg.querySelectorAll('text').find((t) => t.text === label)!;
    // At 11 px, the label is at least 0.5 em a character wide, centred on its arrow.
    const half = (label.length * 11 * 0.5) / 2;
    expect(x!).toBeLessThanOrEqual(Number(text.getAttribute('x')) - half);
    expect(x! + width!).toBeGreaterThanOrEqual(Number(text.getAttribute('x')) + half);
    expect(svg.getAttribute('width')).toBe(String(width));
  });

  it('leaves other code blocks alone', () => {
    const page = build('```js\nconst a = 1;\n```');
    expect(page.querySelector('figure')).toBeNull();
    expect(page.querySelector('pre code')?.text).toBe('const a = 1;\n');
  });
});

describe('a broken diagram fails the build, naming the file and line', () => {
  it('without accTitle', () => {
    const { message } = buildError(`# Title\n\n${fence('flowchart LR\n  accDescr: Two boxes.\n  A --> B')}`);
    expect(message).toContain('content/guides/example.mdx:4: diagram:');
    expect(message).toContain('no title');
  });

  it('with a dangling arrow', () => {
    const source = 'flowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B\n  B -->';
    const error = buildError(`Intro\n\n${fence(source)}`);
    // The fence opens on line 3, so the block's fifth line is the file's eighth.
    expect(error.message).toContain('content/guides/example.mdx:8: diagram:');
    expect(error.message).toContain('points to nothing');
    // Astro's MDX error takes its "Location" (and the dev overlay its line) from these.
    expect(error).toMatchObject({ line: 8, column: 1 });
  });

  it('with an unknown diagram type', () => {
    const { message } = buildError(fence('pie\n  accTitle: T\n  accDescr: D\n  "a" : 1'));
    expect(message).toMatch(/example\.mdx:2: diagram: unknown diagram type "pie"/);
  });

  const lineOf = (source: string) => {
    try {
      prepareDiagram(source, createDiagramCache());
    } catch (error) {
      if (error instanceof DiagramError) return `${error.line}: ${error.message}`;
      throw error;
    }
    return 'no error';
  };
  const acc = '\n  accTitle: T\n  accDescr: D\n';

  it.each([
    ['a flowchart without a direction', `flowchart${acc}  A --> B`, /^1: .*needs a direction/],
    ['an arrow without spaces', `flowchart LR${acc}  A-->B`, /^4: put spaces around the arrow/],
    ['an unknown arrow', `flowchart LR${acc}  A -> B`, /^4: unexpected "-> B"/],
    ['a styling line', `flowchart LR${acc}  A --> B\n  style A fill:#f00`, /^5: styling lines/],
    ['an unclosed subgraph', `flowchart LR${acc}  subgraph Web\n  A --> B`, /^4: this subgraph is never closed/],
    ['an end too many', `flowchart LR${acc}  A --> B\n  end`, /^5: "end" without a subgraph/],
    ['a message without a label', `sequenceDiagram${acc}  A->>B`, /^4: a message needs a label/],
    ['an unknown sequence line', `sequenceDiagram${acc}  A->>B: hi\n  A says hi`, /^5: not a participant/],
    ['an unclosed loop', `sequenceDiagram${acc}  loop every second\n  A->>B: ping`, /^4: this loop is never closed/],
    ['an unknown relationship', `classDiagram${acc}  Animal <|== Duck`, /^4: not a class/],
    ['an unknown cardinality', `erDiagram${acc}  A ||--x{ B : has`, /^4: not an entity|^4: unknown cardinality/],
    ['a relationship without a label', `erDiagram${acc}  A ||--o{ B`, /^4: a relationship needs a label/],
    ['a transition to nothing', `stateDiagram-v2${acc}  [*] --> A\n  A -->`, /^5: the transition points to nothing/],
    [
      'an accDescr block never closed',
      `flowchart LR\n  accTitle: T\n  accDescr {\n  two lines`,
      /^3: accDescr \{ is never closed/,
    ],
    ['no description', 'sequenceDiagram\n  accTitle: T\n  A->>B: hi', /^1: the diagram has no description/],
    ['only a title', `sequenceDiagram${acc}`, /^1: the diagram has nothing in it/],
  ])('%s', (_what, source, expected) => {
    expect(lineOf(source)).toMatch(expected);
  });

  it('accepts a multi-line accDescr and comments', () => {
    const source =
      'flowchart TD\n  accTitle: T\n  accDescr {\n    Two boxes,\n    one arrow.\n  }\n  %% a comment\n  A --> B';
    expect(prepareDiagram(source, createDiagramCache()).source.description).toBe('Two boxes, one arrow.');
  });
});

describe('the cache', () => {
  it('draws each distinct diagram once, then answers from memory and from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-diagrams-'));
    const first = createDiagramCache(dir);
    const drawn = renderDiagram(DIAGRAMS.flowchart, 'd1', first);
    expect(draws.count).toBe(1);
    expect(renderDiagram(DIAGRAMS.flowchart, 'd1', first)).toEqual(drawn);
    expect(draws.count).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);

    // A new build (or a dev server restart) reads the drawing from disk.
    const second = createDiagramCache(dir);
    expect(renderDiagram(DIAGRAMS.flowchart, 'd1', second)).toEqual(drawn);
    expect(draws.count).toBe(1);
    expect(second.stats).toEqual({ drawn: 0, memory: 0, disk: 1 });

    // A changed description is a caption change: the drawing is reused.
    renderDiagram(DIAGRAMS.flowchart.replace('reads the database', 'reads a database'), 'd1', second);
    expect(draws.count).toBe(1);
    // A changed edge is a new drawing.
    renderDiagram(DIAGRAMS.flowchart.replace('HTTPS', 'HTTP'), 'd1', second);
    expect(draws.count).toBe(2);
  });
});

describe('colours', () => {
  const css = readFileSync(new URL('../../src/styles/diagrams.css', import.meta.url), 'utf8');
  const tokens = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');

  it('every colour variable the SVGs use is set by the site stylesheet', () => {
    const defined = new Set([...css.matchAll(/(--_[\w-]+):/g)].map((m) => m[1]));
    const used = new Set<string>();
    for (const source of Object.values(DIAGRAMS)) {
      for (const m of build(fence(source))
        .toString()
        .matchAll(/var\((--[\w-]+)\)/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) {
      // --bg is the site's own background token.
      if (name !== '--bg') expect(defined, name).toContain(name);
    }
  });

  /** [light, dark] of a token in tokens.css. */
  const token = (name: string): [string, string] => {
    const m = new RegExp(`${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(tokens);
    if (!m) throw new Error(`no light-dark() token ${name}`);
    return [m[1]!, m[2]!];
  };
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it('text meets WCAG AA on every diagram fill, in light and in dark', () => {
    const value = (name: string) => new RegExp(`${name}: var\\((--[\\w-]+)\\)`).exec(css)?.[1];
    const texts = ['--_text', '--_text-sec', '--_text-muted', '--_text-faint'].map((v) => value(v)!);
    const fills = ['--bg', value('--_node-fill')!, value('--_group-hdr')!, value('--_key-badge')!];
    for (const text of texts) {
      for (const fill of fills) {
        for (const scheme of [0, 1]) {
          expect(contrast(token(text)[scheme]!, token(fill)[scheme]!), `${text} on ${fill}`).toBeGreaterThanOrEqual(
            4.5,
          );
        }
      }
    }
  });
});
