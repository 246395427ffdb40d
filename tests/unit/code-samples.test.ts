// Every fenced code block in content/ is checked with its own language's toolchain.
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../support/content';
import { CHECKERS, UNCHECKED } from '../support/code-checkers';
import { bodyModel } from '../../src/lib/markdown/index.ts';

const blocks = loadContent().flatMap((entry) =>
  bodyModel(entry.body).codeBlocks.map((block) => ({ ...block, where: `${entry.filePath}:${block.line}` })),
);
const tally = { checked: 0, partial: 0, unchecked: 0 };

afterAll(() => {
  console.log(
    `code samples: ${tally.checked} checked, ${tally.partial} skipped as partial, ${tally.unchecked} plain text or HTTP (nothing to compile)`,
  );
});

describe('code samples', () => {
  it('names a language on every block', () => {
    expect(blocks.filter((b) => b.lang === '').map((b) => b.where)).toEqual([]);
  });

  it('uses only languages the checker knows', () => {
    const unknown = blocks.filter((b) => b.lang && !CHECKERS[b.lang] && !UNCHECKED.has(b.lang));
    expect(unknown.map((b) => `${b.where} (${b.lang})`)).toEqual([]);
  });

  it.each(blocks.filter((b) => b.lang in CHECKERS).map((b) => [b.where, b] as const))(
    '%s is valid',
    async (_where, block) => {
      if (/\bpartial\b/.test(block.meta)) {
        tally.partial++;
        return;
      }
      const error = await CHECKERS[block.lang]!(block.code);
      tally.checked++;
      expect(error, `${block.where} (${block.lang})`).toBeUndefined();
    },
  );

  it('counts unchecked blocks', () => {
    tally.unchecked = blocks.filter((b) => UNCHECKED.has(b.lang)).length;
    expect(tally.unchecked).toBeLessThan(blocks.length);
  });
});
