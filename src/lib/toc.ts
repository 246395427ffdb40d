/**
 * The "On this page" table of contents, built from the headings Astro's
 * `render()` returns for an entry. Pure: no Astro calls, so tests can run it.
 */

/** A heading as Astro reports it (`MarkdownHeading`). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One line of the table of contents, with the deeper headings under it. */
export interface TocItem {
  slug: string;
  text: string;
  depth: number;
  children: TocItem[];
}

/** Which heading levels the table lists; h1 is the page title and h4+ is too fine-grained. */
export interface TocOptions {
  minDepth?: number;
  maxDepth?: number;
}

/**
 * Nests headings between `minDepth` and `maxDepth` (h2 and h3 by default) into a tree.
 * A heading deeper than the one before it becomes its child; one that starts the page
 * deeper than `minDepth` (an h3 before any h2) stays at the top level rather than vanish.
 * Headings without a slug cannot be linked and are left out.
 */
export function buildToc(headings: readonly Heading[], { minDepth = 2, maxDepth = 3 }: TocOptions = {}): TocItem[] {
  const root: TocItem[] = [];
  // The open ancestors of the next heading, shallowest first.
  const stack: TocItem[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth < minDepth || depth > maxDepth || !slug) continue;
    const item: TocItem = { slug, text: text.trim(), depth, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : root).push(item);
    stack.push(item);
  }
  return root;
}

/** Every slug in the tree, in document order; what the scroll highlighter watches. */
export function tocSlugs(items: readonly TocItem[]): string[] {
  return items.flatMap((item) => [item.slug, ...tocSlugs(item.children)]);
}

/** Whether a table of contents is worth showing: two or more entries. */
export function hasUsefulToc(items: readonly TocItem[]): boolean {
  return tocSlugs(items).length >= 2;
}
