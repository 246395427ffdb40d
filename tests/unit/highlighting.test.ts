// Highlighting does not depend on how busy the machine is: a line that takes long to tokenize is
// still coloured in full (config/markdown/highlighting.ts), so two builds give the same pages.
import { createHighlighter } from 'shiki';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CODE_THEMES as THEMES, completeHighlighting } from '../../config/markdown/highlighting';

const CODE = "<?php\necho htmlspecialchars($_SERVER['REQUEST_URI'], ENT_QUOTES, 'UTF-8');\n";
const highlighter = await createHighlighter({ themes: Object.values(THEMES), langs: ['php'] });

const html = (transformers = [completeHighlighting]) =>
  highlighter.codeToHtml(CODE, { lang: 'php', themes: THEMES, transformers });

/** A machine so busy that every look at the clock finds a second gone. */
function slowClock(): void {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
}

afterEach(() => vi.restoreAllMocks());

describe('highlighting', () => {
  const calm = html();

  it('colours every line in full on a busy machine, as on a calm one', () => {
    slowClock();
    expect(html()).toBe(calm);
  });

  it('would leave lines uncoloured there without it (what the transformer guards against)', () => {
    slowClock();
    expect(html([])).not.toBe(calm);
  });
});
