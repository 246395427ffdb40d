/**
 * The languages a fenced code block may name: Shiki's grammars and their aliases, Shiki's
 * plain-text names, and the aliases below. The build highlights with Shiki (see astro.config.mjs)
 * and the content rules refuse any other name, so a misspelt language fails the build instead
 * of quietly losing its colours.
 */
import { bundledLanguages } from 'shiki';

/**
 * Languages Shiki has no grammar for, shown as plain text under their own name: the block's
 * `data-language` keeps the name, and code tabs label it (src/lib/code-tabs.ts).
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { caddyfile: 'plaintext' };

/** Names Shiki shows as plain text without a grammar. */
const PLAIN_TEXT = new Set(['plaintext', 'text', 'txt', 'plain', 'ansi']);

/** Whether the build knows how to show a fence's language (`lang` as written, any case). */
export function isKnownLanguage(lang: string): boolean {
  const name = lang.toLowerCase();
  return name in bundledLanguages || name in LANGUAGE_ALIASES || PLAIN_TEXT.has(name);
}
