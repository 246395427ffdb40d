/**
 * The authoring rules every published entry keeps, checked from its frontmatter and body model:
 * enough prose for its kind of page, FAQ answers short and linked, a code example on every
 * language and framework page, and code blocks in languages the highlighter knows. The build
 * reports a broken rule naming the file, as it does a broken reference; `astro dev` only warns,
 * so a page can be drafted without the dev server failing.
 */
import { isKnownLanguage } from '../../config/markdown/languages.ts';
import type { BodyModel } from './markdown/index.ts';

/** Minimum words of prose by collection: reference pages 300, guides 1,200, FAQ answers 60. */
export const MIN_WORDS = { roles: 300, languages: 300, tools: 300, guides: 1200, faq: 60 } as const;
/** An FAQ answer is short: at most this many words, with the detail on the pages it links. */
export const MAX_FAQ_WORDS = 200;

/** What the rules read of one entry. */
export interface RuleSubject {
  collection: string;
  filePath: string;
  data: Record<string, unknown>;
  model: BodyModel;
  /** The file's line of a body line; without it, messages give body lines. */
  fileLine?: (bodyLine: number) => number;
}

const ENTRY_LINK = /^\/(roles|languages|tools|guides|faq)\/[a-z0-9-]+\/(#.*)?$/;

/** One message per broken rule, naming the file. */
export function findRuleProblems(entries: readonly RuleSubject[]): string[] {
  return entries.flatMap(({ collection, filePath, data, model, fileLine = (line) => line }) => {
    const problems: string[] = [];
    for (const block of model.codeBlocks) {
      if (block.lang === '' || isKnownLanguage(block.lang)) continue;
      problems.push(
        `${filePath}:${fileLine(block.line)}: code block in "${block.lang}", a language the highlighter does not know: ` +
          'use a name from https://shiki.style/languages, "text", or an alias in config/markdown/languages.ts',
      );
    }
    const min = MIN_WORDS[collection as keyof typeof MIN_WORDS];
    if (min !== undefined && model.words < min) {
      problems.push(`${filePath}: ${model.words} words of prose; a page in ${collection} needs at least ${min}`);
    }
    if (collection === 'faq') {
      if (model.words > MAX_FAQ_WORDS) {
        problems.push(
          `${filePath}: ${model.words} words; an FAQ answer keeps to ${MAX_FAQ_WORDS} and links the detail`,
        );
      }
      if (!model.links.some((link) => ENTRY_LINK.test(link.url))) {
        problems.push(`${filePath}: an FAQ answer links at least one entry that goes deeper`);
      }
    }
    if (collection === 'languages' || data['category'] === 'framework') {
      const example = model.codeBlocks.some((block) => block.lang !== '' && !/\bpartial\b/.test(block.meta));
      if (!example) problems.push(`${filePath}: a language or framework page shows a complete code example`);
    }
    return problems;
  });
}
