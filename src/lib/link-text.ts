/**
 * Link text that says where a link leads. An entry whose title is also a generic word ("Go",
 * the language) reads as "go" to a search engine and to a screen-reader user skimming links,
 * so its links carry a visually hidden qualifier: "Go (language)"; the visible text stays.
 * No imports, so build code (the Markdown link plugin) can use it too.
 */

/** Link texts that say nothing on their own (the English ones of Lighthouse's link-text audit). */
const GENERIC_LINK_TEXT = new Set([
  'click here',
  'click this',
  'go',
  'here',
  'information',
  'learn more',
  'more',
  'more info',
  'more information',
  'right here',
  'read more',
  'see more',
  'start',
  'this',
  'continue',
]);

/** Whether `text` alone would read as generic link text. */
export const isGenericLinkText = (text: string): boolean => GENERIC_LINK_TEXT.has(text.trim().toLowerCase());

/**
 * The hidden words a link titled `title` to a `kind` of entry ("Language") needs: " (language)",
 * or "" when the title says enough by itself.
 */
export function linkQualifier(title: string, kind: string): string {
  return isGenericLinkText(title) ? ` (${kind.toLowerCase()})` : '';
}
