/**
 * Body links checked at build time, as a link checker would check the built site: every
 * root-relative link must lead to a page the build makes and, with a #fragment, to a heading
 * that page has. External links are left alone (nothing is fetched).
 */
import type { BodyLink } from './markdown/index.ts';

/** A page a link may point to: its heading ids, when the build knows them before rendering. */
export interface LinkTarget {
  /** Heading ids of the page; undefined for pages whose headings are not known in advance. */
  headings?: ReadonlySet<string>;
  /** Set for an entry left out of this build (a draft in a production build). */
  draft?: boolean;
}

/** One entry's links, with the file they were written in and how its body's lines map to the file. */
export interface LinkSource {
  filePath: string;
  links: readonly BodyLink[];
  /** Lines of the file before the body (the frontmatter), so messages name file lines. */
  lineOffset: number;
}

/** A root-relative URL split into its page path and fragment; undefined for anything else. */
export function internalTarget(url: string): { path: string; fragment: string | undefined } | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const parsed = new URL(url, 'https://guide.invalid');
  return {
    path: decodeURI(parsed.pathname),
    fragment: parsed.hash ? decodeURIComponent(parsed.hash.slice(1)) : undefined,
  };
}

/** Why a link is broken, or undefined when it is fine. */
function problemWith(url: string, pages: ReadonlyMap<string, LinkTarget>): string | undefined {
  const target = internalTarget(url);
  if (!target) return undefined;
  const page = pages.get(target.path);
  if (!page) {
    const hint =
      !target.path.endsWith('/') && pages.has(`${target.path}/`) ? ` (page URLs end in a slash: ${target.path}/)` : '';
    return `no page at ${target.path}${hint}`;
  }
  if (page.draft) return `${target.path} is a draft, which a production build leaves out`;
  if (target.fragment && page.headings && !page.headings.has(target.fragment)) {
    return `${target.path} has no heading "${target.fragment}"`;
  }
  return undefined;
}

/** One message per broken link: `content/guides/apis.mdx:42: link to /tools/x/#y: /tools/x/ has no heading "y"`. */
export function findBrokenLinks(sources: readonly LinkSource[], pages: ReadonlyMap<string, LinkTarget>): string[] {
  return sources.flatMap((source) =>
    source.links.flatMap((link) => {
      const problem = problemWith(link.url, pages);
      return problem ? [`${source.filePath}:${link.line + source.lineOffset}: link to ${link.url}: ${problem}`] : [];
    }),
  );
}
