/** Plain-text helpers over an entry's Markdown body: no Astro, so tests and scripts can use them. */

const FENCE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/** The body with fenced code blocks removed. */
export function stripCode(markdown: string): string {
  return markdown.replace(FENCE, '');
}

/**
 * Counts the words a reader reads: prose only, without code blocks, import lines,
 * HTML/MDX tags, link targets or Markdown punctuation.
 */
export function proseWordCount(markdown: string): number {
  const text = stripCode(markdown)
    .replace(/^import\s.+$/gm, '')
    .replace(/`[^`\n]*`/g, ' code ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/[#>*_|[\]~-]+/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** One fenced code block of a Markdown body. */
export interface CodeBlock {
  /** Language named after the opening fence, lower-cased; '' when none. */
  lang: string;
  /** Everything after the language on the fence line (e.g. "partial"). */
  meta: string;
  /** The code itself. */
  code: string;
  /** 1-based line of the opening fence within the body. */
  line: number;
}

/** Every fenced code block of a Markdown body, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(/^(```|~~~)([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm)) {
    const [lang = '', ...meta] = (match[2] ?? '').trim().split(/\s+/);
    blocks.push({
      lang: lang.toLowerCase(),
      meta: meta.join(' '),
      code: match[3] ?? '',
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return blocks;
}

/** Root-relative links to pages of the guide in a Markdown body, e.g. "/languages/python/". */
export function internalLinks(markdown: string): string[] {
  const links = [...stripCode(markdown).matchAll(/\]\((\/[^)\s#]*)(?:#[^)\s]*)?\)/g)].map((m) => m[1] ?? '');
  return [...new Set(links)];
}
