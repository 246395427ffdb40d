// The site's own Markdown pipeline (astro.config.mjs: Sätteri with our plugins and Shiki's two
// themes) renders every GFM feature the content uses, and the plugins do their part.
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { baseLinks } from '../../config/markdown/base-links';

const { processor, shikiConfig } = config.markdown!;
const options = (processor as unknown as { options: { mdastPlugins: []; hastPlugins: []; features: object } }).options;

async function render(markdown: string, hastPlugins = options.hastPlugins) {
  const renderer = await createSatteriMarkdownProcessor({
    ...options,
    hastPlugins,
    ...(shikiConfig ? { shikiConfig: shikiConfig as never } : {}),
    syntaxHighlight: 'shiki',
  });
  return (await renderer.render(markdown)).code;
}

describe('the Markdown pipeline', () => {
  it('renders GFM tables, task lists, footnotes, strikethrough and autolinks', async () => {
    const html = await render(
      [
        '| A | B |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '- [x] done',
        '- [ ] to do',
        '',
        'A claim.[^1] ~~Old~~ and https://example.org/docs',
        '',
        '[^1]: The source.',
      ].join('\n'),
    );
    // Every table takes the keyboard focus: on a phone it scrolls inside its own box.
    expect(html).toMatch(/<table tabindex="0">[\s\S]*<th>A<\/th>[\s\S]*<td>2<\/td>/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(html).toMatch(/<section[^>]*data-footnotes/);
    expect(html).toContain('<del>Old</del>');
    expect(html).toContain('<a href="https://example.org/docs">https://example.org/docs</a>');
  });

  it('gives a table with an empty corner row headers, and says which way every header reads', async () => {
    const html = await render(['|  | Redis | Memcached |', '| - | - | - |', '| Types | many | strings |'].join('\n'));
    expect(html).toContain('<td></td>');
    expect(html).toContain('<th scope="col">Redis</th>');
    expect(html).toContain('<th scope="col">Memcached</th>');
    expect(html).toContain('<th scope="row">Types</th>');
    expect(html).toContain('<td>many</td>');
  });

  it('highlights code with both Shiki themes, switched by CSS variables', async () => {
    const html = await render('```python\nprint("hi")\n```');
    expect(html).toContain('github-light-high-contrast github-dark-high-contrast');
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('data-language="python"');
  });

  it('prefixes root-relative links and images with the base path, once', async () => {
    const html = await render('[a](/tools/git/) [b](/guide/tools/) [c](https://x.org/) ![i](/icons/i.png)', [
      baseLinks('/guide/'),
    ] as never);
    expect(html).toContain('href="/guide/tools/git/"');
    expect(html).toContain('href="/guide/tools/"');
    expect(html).toContain('href="https://x.org/"');
    expect(html).toContain('src="/guide/icons/i.png"');
  });
});
