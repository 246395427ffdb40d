/**
 * The plain-Markdown twin of an entry (/<collection>/<id>.md): the body as the author wrote it,
 * made portable. MDX imports and expressions are dropped, components are unwrapped so their
 * content stays (the code blocks of a <CodeTabs>), `<a href>` becomes a Markdown link, and
 * root-relative links become the URLs a reader should follow. The body is parsed once and
 * changed at the positions the parse gives, so everything else is the author's own text, byte
 * for byte; writing the whole tree out again took ten times as long as the parse.
 */
import type { Definition, Image, Link, Nodes, Parents } from 'mdast';
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

/** One change to the body: the text from `start` to `end` (offsets) becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');
const startOf = (node: Nodes) => node.position?.start.offset ?? 0;
const endOf = (node: Nodes) => node.position?.end.offset ?? 0;
/** A link title as Markdown writes it, after the destination. */
const titlePart = (title: string | null | undefined) => (title ? ` "${title.replaceAll('"', '\\"')}"` : '');

/** The changes that make a component portable: its tags go (an `<a href>`'s become a link's), its children stay. */
function unwrap(node: Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>, resolve: Resolve): Edit[] {
  const first = node.children[0];
  const last = node.children.at(-1);
  if (!first || !last) return [{ start: startOf(node), end: endOf(node), text: '' }];
  const href = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
  const link = node.name === 'a' && typeof href === 'string';
  return [
    { start: startOf(node), end: startOf(first), text: link ? '[' : '' },
    { start: endOf(last), end: endOf(node), text: link ? `](${isRootRelative(href) ? resolve(href) : href})` : '' },
  ];
}

/** Every change the body needs, in no particular order; none overlaps another. */
function edits(node: Nodes, resolve: Resolve): Edit[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [{ start: startOf(node), end: endOf(node), text: '' }];
    case 'definition':
    case 'image':
      return isRootRelative(node.url) ? [whole(node, resolve)] : [];
    default:
  }
  const inside = 'children' in node ? (node as Parents).children.flatMap((child) => edits(child, resolve)) : [];
  switch (node.type) {
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return [...unwrap(node, resolve), ...inside];
    case 'link':
      return isRootRelative(node.url) ? [...inside, linkTail(node, resolve)] : inside;
    default:
      return inside;
  }
}

/** An inline link to a page of the guide: its text stays, what follows it is written anew. */
function linkTail(node: Link, resolve: Resolve): Edit {
  const last = node.children.at(-1);
  const start = last ? endOf(last) : startOf(node) + 1;
  return { start, end: endOf(node), text: `](${resolve(node.url)}${titlePart(node.title)})` };
}

/** A definition or an image to a path of the guide, written anew. */
function whole(node: Definition | Image, resolve: Resolve): Edit {
  const url = `${resolve(node.url)}${titlePart(node.title)}`;
  const text =
    node.type === 'definition'
      ? `[${node.label ?? node.identifier}]: ${url}`
      : `![${(node.alt ?? '').replaceAll('[', '\\[').replaceAll(']', '\\]')}](${url})`;
  return { start: startOf(node), end: endOf(node), text };
}

/** The body as portable Markdown (see the module comment). */
export function portableMarkdown(body: string, resolve: Resolve): string {
  const tree = parseMdx(body, { asWritten: true });
  const changes = edits(tree, resolve).sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  for (const change of changes) {
    text += body.slice(at, change.start) + change.text;
    at = change.end;
  }
  return (text + body.slice(at)).trim();
}

/** The Markdown twin: title, description as a quote, then the body. */
export function markdownTwin(entry: TwinSource, resolve: Resolve): string {
  return `# ${entry.title}\n\n> ${entry.description}\n\n${portableMarkdown(entry.body, resolve)}\n`;
}
