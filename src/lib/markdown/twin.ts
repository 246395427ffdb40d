/**
 * The plain-Markdown twin of an entry (/<collection>/<id>.md): the body as portable
 * Markdown, written from its mdast. MDX imports and expressions are dropped, components
 * are unwrapped so their content stays (the code blocks of a <CodeTabs>), `<a href>` becomes
 * a Markdown link, and root-relative links become the URLs a reader should follow.
 */
import type { Link, Nodes, Parents, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseMdx } from './parse.ts';

/** Turns a root-relative path ("/tools/django/") into the URL a reader should follow. */
export type Resolve = (path: string) => string;

/** What the twin of one entry is made from. */
export interface TwinSource {
  title: string;
  description: string;
  /** The MDX body, frontmatter already removed. */
  body: string;
}

const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');

/** The portable form of one node: a list, since an unwrapped component gives its children. */
function portable(node: RootContent, resolve: Resolve): RootContent[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const children = node.children.flatMap((child) => portable(child as RootContent, resolve));
      const href = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
      if (node.name === 'a' && typeof href === 'string') {
        const link: Link = {
          type: 'link',
          url: isRootRelative(href) ? resolve(href) : href,
          children: children as Link['children'],
        };
        return [link];
      }
      return children;
    }
    case 'link':
    case 'definition':
    case 'image':
      if (isRootRelative(node.url)) node.url = resolve(node.url);
      break;
    default:
  }
  if ('children' in node) {
    (node as Parents).children = (node as Parents).children.flatMap((child) =>
      portable(child as RootContent, resolve),
    ) as Parents['children'];
  }
  return [node];
}

/** The body as portable Markdown (see the module comment). */
export function portableMarkdown(body: string, resolve: Resolve): string {
  const tree = parseMdx(body, { asWritten: true });
  const root: Root = { type: 'root', children: tree.children.flatMap((child) => portable(child, resolve)) };
  return toMarkdown(root as Nodes, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', fences: true }).trim();
}

/** The Markdown twin: title, description as a quote, then the body. */
export function markdownTwin(entry: TwinSource, resolve: Resolve): string {
  return `# ${entry.title}\n\n> ${entry.description}\n\n${portableMarkdown(entry.body, resolve)}\n`;
}
