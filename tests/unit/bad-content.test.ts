// Each kind of bad content must stop the real pipeline with a message naming the file and the
// field (or line). Schema problems surface when the content layer syncs, so those cases run
// `astro sync`, which takes seconds; the checks across entries run when pages are built, so
// they share one fixture build that carries all of them at once.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, copyFixture, syncContent, type BuildResult } from '../support/build';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of the valid fixture with `edits` applied (file -> change of its text). */
function fixtureWith(edits: Record<string, (source: string) => string>): string {
  const dir = copyFixture();
  dirs.push(dir);
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    let source = '';
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      // A new file: the edit writes it from nothing.
    }
    writeFileSync(path, edit(source));
  }
  return dir;
}

/** Syncs a fixture copy with one file changed. */
const syncWith = (file: string, edit: (source: string) => string) => syncContent(fixtureWith({ [file]: edit }));

describe('content the content layer rejects (astro sync)', () => {
  it('accepts the valid fixture', () => {
    const result = syncContent(fixtureWith({}));
    expect(result.output).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });

  it('fails on a missing required field, naming file and field', () => {
    const result = syncWith('languages/python.mdx', (s) => s.replace(/^typing: .*\n/m, ''));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('languages/python.mdx');
    expect(result.output).toMatch(/typing/);
  });

  it('fails on a wrong enum value, naming file and field', () => {
    const result = syncWith('tools/git.mdx', (s) => s.replace('category: version-control', 'category: banana'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/git.mdx');
    expect(result.output).toMatch(/category: Invalid option/);
  });

  it('fails on a framework that names no language', () => {
    const result = syncWith('tools/flask.mdx', (s) => s.replace('languages: [python]', 'languages: []'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/flask.mdx');
    expect(result.output).toContain('languages: a framework must name its language');
  });

  it('fails on a self-check answer that is not one of its choices', () => {
    const result = syncWith('faq/what-is-it.mdx', (s) =>
      s.replace(
        /^---\n/,
        [
          '---',
          'questions:',
          '  - prompt: Which of these is a fixture question?',
          '    choices: [This one, That one]',
          '    answer: Neither',
          '    explanation: The answer must be one of the choices.',
          '  - prompt: A second question for the minimum count?',
          '    choices: [Yes, No]',
          '    answer: Yes',
          '    explanation: Three questions at least.',
          '  - prompt: A third question for the minimum count?',
          '    choices: [Yes, No]',
          '    answer: No',
          '    explanation: Three questions at least.',
          '',
        ].join('\n'),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('faq/what-is-it.mdx');
    expect(result.output).toContain('answer must be one of the choices');
  });

  it('fails on a duplicate id, naming both files', () => {
    const dir = fixtureWith({});
    writeFileSync(join(dir, 'tools/Git.mdx'), readFileSync(join(dir, 'tools/git.mdx')));
    const result = syncContent(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/tools\/Git\.mdx/);
    expect(result.output).toMatch(/tools\/git\.mdx/);
  });

  it('fails on broken YAML frontmatter, naming the file and the YAML error', () => {
    const result = syncWith('faq/what-is-it.mdx', (s) => s.replace('title: What is this fixture?', 'title: [unclosed'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('faq/what-is-it.mdx');
    expect(result.output).toMatch(/YAML|flow sequence|unexpected end/i);
  });

  it('fails on a file that is not an entry instead of skipping it', () => {
    const dir = fixtureWith({ 'tools/redis.md': () => '---\ntitle: Redis\n---\n' });
    const result = syncContent(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tools/redis.md');
  });
});

describe('content the build rejects: every cross-entry problem in one build', () => {
  let result: BuildResult;
  beforeAll(() => {
    result = buildContent(
      fixtureWith({
        'guides/intro.mdx': (s) =>
          `${s.replace('tools: [git]', 'tools: [gti]')}\nRead [Flask](/tools/flak/) and [its routing](/tools/flask/#routing).\n`,
        'tools/git.mdx': (s) => s.replace('category: version-control', 'category: framework\nlanguages: [python]'),
        // A prerequisite cycle: the role needs the FAQ entry, which needs the role.
        'roles/backend-developer.mdx': (s) => s.replace(/^---\n/, '---\nprerequisites:\n  faq: [what-is-it]\n'),
        'faq/what-is-it.mdx': (s) => s.replace(/^---\n/, '---\nprerequisites:\n  roles: [backend-developer]\n'),
        // A path that lists Flask before Python, which Flask needs, and a topic that does not exist.
        'tools/flask.mdx': (s) => s.replace(/^---\n/, '---\nprerequisites:\n  languages: [python]\n'),
        'paths/starter.mdx': (s) =>
          s.replace(
            '      - languages/python\n      - { entry: tools/flask, optional: true }',
            '      - { entry: tools/flask, optional: true }\n      - languages/python\n      - guides/nope',
          ),
      }),
    );
  });

  it('fails the build', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Invalid content \(\d+ problems\)/);
  });

  it('names file and field of a reference to a missing entry', () => {
    expect(result.output).toContain('guides/intro.mdx: field "related.tools[0]" references "gti"');
  });

  it('names the language that does not list its framework back', () => {
    expect(result.output).toContain('languages/python.mdx: field "frameworks" must include "git"');
  });

  it('names file and field of a prerequisite cycle, with the whole loop', () => {
    expect(result.output).toContain(
      'faq/what-is-it.mdx: field "prerequisites.roles[0]" makes a prerequisite cycle: roles/backend-developer -> faq/what-is-it -> roles/backend-developer',
    );
  });

  it('names file and field of a path topic that comes before its prerequisite', () => {
    expect(result.output).toContain(
      'paths/starter.mdx: field "stages[1].topics[0]" puts "tools/flask" before its prerequisite "languages/python"',
    );
  });

  it('names file and field of a path topic that is no entry', () => {
    expect(result.output).toContain(
      'paths/starter.mdx: field "stages[1].topics[2]" references "nope" in guides, but guides has no entry "nope"',
    );
  });

  it('names file and line of a body link to a missing page and to a missing heading', () => {
    // The links were appended after a blank line: the line after the fixture's last.
    const line = readFileSync('tests/fixtures/content-valid/guides/intro.mdx', 'utf8').split('\n').length + 1;
    expect(result.output).toContain(`guides/intro.mdx:${line}: link to /tools/flak/: no page at /tools/flak/`);
    expect(result.output).toContain(
      `guides/intro.mdx:${line}: link to /tools/flask/#routing: /tools/flask/ has no heading "routing"`,
    );
  });
});

describe('diagrams the build rejects', () => {
  const intro = readFileSync('tests/fixtures/content-valid/guides/intro.mdx', 'utf8').split('\n');
  const lineOf = (text: string) => intro.findIndex((line) => line.includes(text)) + 1;

  it('fails on a diagram without a title, naming file and line', () => {
    const result = buildContent(fixtureWith({ 'guides/intro.mdx': (s) => s.replace(/^\s*accTitle:.*\n/m, '') }));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/guides\/intro\.mdx:\d+: diagram: .*title/);
  });

  it('fails on a diagram with a syntax error, naming file and line', () => {
    const result = buildContent(
      fixtureWith({ 'guides/intro.mdx': (s) => s.replace('  S --> D[(Database)]', '  S -->') }),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`guides/intro.mdx:${lineOf('S --> D[(Database)]')}: diagram:`);
    expect(result.output).toContain('points to nothing');
  });
});
