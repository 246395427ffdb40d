/**
 * Shiki stops tokenizing a line after 500 ms by default and shows the rest of it uncoloured. On a
 * loaded machine (a CI runner, two builds at once) a line can pass that, so two builds of the same
 * commit could colour a code block differently: the page changed for nothing, and every reader's
 * service worker fetched it again on the next deploy. Astro's Shiki options have no setting for
 * it, so this transformer lifts the limit (0: none) for every block it highlights.
 */
import type { ShikiTransformer } from 'shiki';

/** The code themes, one per colour scheme: Shiki writes both into every block. */
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

export const completeHighlighting: ShikiTransformer = {
  name: 'guide:complete-highlighting',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = 0;
  },
};
