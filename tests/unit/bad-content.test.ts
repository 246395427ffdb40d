// Each kind of bad content must stop `astro build` with a message naming the file and the field.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContent, copyFixture } from '../support/build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Applies `edit` to one file of a fresh fixture copy and builds it. */
function buildWith(file: string, edit: (source: string) => string) {
  dir = copyFixture();
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return buildContent(dir);
}

describe('building bad content', () => {
  it('builds the valid fixture', () => {
    dir = copyFixture();
    const result = buildContent(dir);
    expect(result.output).toContain('indexed');
    expect(result.status).toBe(0);
  });

  it('fails on a missing required field, naming file and field', () => {
    const result = buildWith('languages/python.mdx', (s) => s.replace(/^typing: .*\n/m, ''));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('languages/python.mdx');
    expect(result.output).toMatch(/typing/);
  });

  it('fails on a wrong enum value, naming file and field', () => {
    const result = buildWith('tools/git.mdx', (s) => s.replace('category: version-control', 'category: banana'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/git.mdx');
    expect(result.output).toMatch(/category: Invalid option/);
  });

  it('fails on a reference to a missing entry, naming file and field', () => {
    const result = buildWith('guides/intro.mdx', (s) => s.replace('tools: [git]', 'tools: [gti]'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('guides/intro.mdx: field "related.tools[0]" references "gti"');
  });

  it('fails on a framework that names no language', () => {
    const result = buildWith('tools/flask.mdx', (s) => s.replace('languages: [python]', 'languages: []'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/flask.mdx');
    expect(result.output).toContain('languages: a framework must name its language');
  });

  it('fails on a framework whose language does not list it back', () => {
    const result = buildWith('tools/git.mdx', (s) =>
      s.replace('category: version-control', 'category: framework\nlanguages: [python]'),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('languages/python.mdx: field "frameworks" must include "git"');
  });

  it('fails on a duplicate id, naming both files', () => {
    dir = copyFixture();
    writeFileSync(join(dir, 'tools/Git.mdx'), readFileSync(join(dir, 'tools/git.mdx')));
    const result = buildContent(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/tools\/Git\.mdx/);
    expect(result.output).toMatch(/tools\/git\.mdx/);
  });

  it('fails on broken YAML frontmatter, naming the file', () => {
    const result = buildWith('faq/what-is-it.mdx', (s) =>
      s.replace('title: What is this fixture?', 'title: [unclosed'),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('faq/what-is-it.mdx');
  });

  it('fails on a file that is not an entry instead of skipping it', () => {
    dir = copyFixture();
    writeFileSync(join(dir, 'tools/redis.md'), '---\ntitle: Redis\n---\n');
    const result = buildContent(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/redis.md');
  });
});
