/**
 * What the guide needs to know about an entry's body, collected in one walk over its mdast:
 * the links it makes, the headings it has (with the ids the rendered page gives them), its
 * code blocks and how many words of prose it holds.
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { parseMdx } from './parse.ts';

/** A link in the body, with the line it is on (1-based, counted within the body). */
export interface BodyLink {
  url: string;
  line: number;
}

/** A heading of the body and the id the page gives it. */
export interface BodyHeading {
  depth: number;
  text: string;
  id: string;
}

/** One fenced (or indented) code block of a body. */
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

/** Everything the site and its tools read from one body. */
export interface BodyModel {
  links: BodyLink[];
  headings: BodyHeading[];
  codeBlocks: CodeBlock[];
  /** Words of prose: text a reader reads, without code blocks, JSX tags, link targets or punctuation. */
  words: number;
}

const isJsxElement = (node: Nodes): node is MdxJsxFlowElement | MdxJsxTextElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** The string value of a JSX attribute such as `<a href="/x/">`, when it is a plain string. */
function jsxAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') {
      return attribute.value;
    }
  }
  return undefined;
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Collects links, headings, code blocks and words from a parsed body. */
export function modelOf(tree: Root): BodyModel {
  const slugger = new GithubSlugger();
  const model: BodyModel = { links: [], headings: [], codeBlocks: [], words: 0 };
  const line = (node: Nodes) => node.position?.start.line ?? 0;
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'link':
      case 'definition':
        model.links.push({ url: node.url, line: line(node) });
        break;
      case 'heading': {
        const text = toString(node);
        model.headings.push({ depth: node.depth, text, id: slugger.slug(text) });
        break;
      }
      case 'code':
        model.codeBlocks.push({
          lang: (node.lang ?? '').toLowerCase(),
          meta: node.meta ?? '',
          code: node.value,
          line: line(node),
        });
        return SKIP;
      case 'inlineCode':
        // Inline code reads as one word ("run `npm test`").
        model.words += 1;
        return SKIP;
      case 'text':
        model.words += countWords(node.value);
        break;
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return SKIP;
      default:
        if (isJsxElement(node) && node.name === 'a') {
          const href = jsxAttribute(node, 'href');
          if (href !== undefined) model.links.push({ url: href, line: line(node) });
        }
    }
    return undefined;
  });
  return model;
}

/** Parses a body and collects its model. */
export function bodyModel(body: string): BodyModel {
  return modelOf(parseMdx(body));
}

/** Nodes that end a run of text: their neighbours must not run into each other. */
const BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'blockquote']);

/** The body as one line of plain text, for places that cannot render Markdown (JSON-LD, meta). */
export function plainText(body: string): string {
  const parts: string[] = [];
  visit(parseMdx(body), (node: Nodes) => {
    if (node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'html') return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    if (BLOCKS.has(node.type)) parts.push(' ');
    return undefined;
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
