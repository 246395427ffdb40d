// Every fenced code block in content/ is checked with its own language's toolchain. A block
// marked `partial` (a deliberate fragment) is reported as skipped, never counted as passed.
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../support/entries';
import { CHECKERS, UNCHECKED } from '../support/code-checkers';

const blocks = contentFiles().flatMap((entry) =>
  entry.model.codeBlocks.map((block) => ({ ...block, where: `${entry.filePath}:${block.line}` })),
);
const isPartial = (block: { meta: string }) => /\bpartial\b/.test(block.meta);
const checked = blocks.filter((b) => b.lang in CHECKERS);

describe('code samples', () => {
  it('names a language on every block', () => {
    expect(blocks.filter((b) => b.lang === '').map((b) => b.where)).toEqual([]);
  });

  it('uses only languages the checker knows', () => {
    const unknown = blocks.filter((b) => b.lang && !CHECKERS[b.lang] && !UNCHECKED.has(b.lang));
    expect(unknown.map((b) => `${b.where} (${b.lang})`)).toEqual([]);
  });

  it.each(checked.filter((b) => !isPartial(b)).map((b) => [b.where, b] as const))(
    '%s is valid',
    async (_where, block) => {
      const error = await CHECKERS[block.lang]!(block.code, block.meta);
      expect(error, `${block.where} (${block.lang})`).toBeUndefined();
    },
  );

  it.skip.each(checked.filter(isPartial).map((b) => [b.where] as const))('%s is a fragment (marked partial)', () => {});
});
