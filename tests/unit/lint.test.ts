// The lint and format gates, shown failing on code broken on purpose.
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

describe('lint and format gates', () => {
  it('ESLint reports an unused variable with file, line and rule', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText('const unused = 1;\nexport {};\n', { filePath: 'src/lib/example.ts' });
    expect(result?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:7 @typescript-eslint/no-unused-vars',
    ]);
  });

  it('ESLint checks .astro components too', async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText('---\nconst unused = 1;\n---\n<p>hi</p>\n', {
      filePath: 'src/components/Example.astro',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-unused-vars');
  });

  it('Prettier rejects code that is not formatted and accepts code that is', async () => {
    const options = { ...(await prettier.resolveConfig('src/lib/example.ts')), filepath: 'src/lib/example.ts' };
    expect(await prettier.check('const a = {b:1}\n', options)).toBe(false);
    expect(await prettier.check('const a = { b: 1 };\n', options)).toBe(true);
  });
});
