import { describe, expect, it } from 'vitest';
import { buildToc, hasUsefulToc, tocSlugs, type Heading } from '../../src/lib/toc';

const h = (depth: number, text: string, slug = text.toLowerCase().replaceAll(' ', '-')): Heading => ({
  depth,
  slug,
  text,
});

describe('buildToc', () => {
  it('nests h3 under the h2 before it and keeps document order', () => {
    expect(buildToc([h(2, 'One'), h(3, 'One A'), h(3, 'One B'), h(2, 'Two'), h(3, 'Two A')])).toEqual([
      {
        slug: 'one',
        text: 'One',
        depth: 2,
        children: [
          { slug: 'one-a', text: 'One A', depth: 3, children: [] },
          { slug: 'one-b', text: 'One B', depth: 3, children: [] },
        ],
      },
      { slug: 'two', text: 'Two', depth: 2, children: [{ slug: 'two-a', text: 'Two A', depth: 3, children: [] }] },
    ]);
  });

  it('leaves out h1 and h4 and deeper by default', () => {
    const toc = buildToc([h(1, 'Title'), h(2, 'Intro'), h(4, 'Detail'), h(5, 'Finer'), h(6, 'Finest')]);
    expect(toc).toEqual([{ slug: 'intro', text: 'Intro', depth: 2, children: [] }]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    expect(tocSlugs(buildToc([h(3, 'Early'), h(2, 'Main'), h(3, 'Sub')]))).toEqual(['early', 'main', 'sub']);
    expect(buildToc([h(3, 'Early'), h(2, 'Main')]).map((item) => item.slug)).toEqual(['early', 'main']);
  });

  it('returns to the top level after a deeper run', () => {
    const toc = buildToc([h(2, 'A'), h(3, 'A1'), h(2, 'B')]);
    expect(toc.map((item) => [item.slug, item.children.length])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('honours other depth ranges', () => {
    expect(tocSlugs(buildToc([h(2, 'A'), h(3, 'B'), h(4, 'C')], { maxDepth: 4 }))).toEqual(['a', 'b', 'c']);
    expect(tocSlugs(buildToc([h(2, 'A'), h(3, 'B')], { maxDepth: 2 }))).toEqual(['a']);
  });

  it('skips headings without a slug and trims text', () => {
    expect(buildToc([h(2, 'No slug', ''), h(2, '  Spaced  ', 'spaced')])).toEqual([
      { slug: 'spaced', text: 'Spaced', depth: 2, children: [] },
    ]);
  });

  it('returns nothing for no headings', () => {
    expect(buildToc([])).toEqual([]);
  });
});

describe('hasUsefulToc', () => {
  it('wants at least two links', () => {
    expect(hasUsefulToc(buildToc([h(2, 'Only')]))).toBe(false);
    expect(hasUsefulToc(buildToc([h(2, 'One'), h(3, 'Sub')]))).toBe(true);
    expect(hasUsefulToc([])).toBe(false);
  });
});
