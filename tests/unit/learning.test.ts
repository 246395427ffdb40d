import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findDuplicateQuestions,
  findLearningProblems,
  findPathProblems,
  findPrerequisiteCycles,
  formatMinutes,
  formatTotal,
  membershipsOf,
  questionId,
  routeOf,
  type PathRecord,
} from '../../src/lib/learning-path';
import {
  answer,
  addDays,
  carryOver,
  emptyProgress,
  localDay,
  nextUp,
  serializeProgress,
  PROGRESS_FORMAT,
} from '../../src/lib/progress';
import { parseProgress, type KnownIds } from '../../src/lib/progress-file';
import { pathSchema } from '../../src/schemas/path';
import type { EntryRecord } from '../../src/lib/references';
import { readEntryFile } from '../../src/lib/markdown/index.ts';
import { contentFiles } from '../support/entries';

const ref = (key: string) => {
  const [collection = '', id = ''] = key.split('/');
  return { collection, id };
};

/** An entry whose prerequisites are given as "collection/id" keys. */
function entry(key: string, prerequisites: string[] = []): EntryRecord {
  const { collection, id } = ref(key);
  const grouped: Record<string, { collection: string; id: string }[]> = {};
  for (const p of prerequisites) (grouped[ref(p).collection] ??= []).push(ref(p));
  return { collection, id, filePath: `content/${key}.mdx`, data: { prerequisites: grouped } };
}

/** A path whose stages list topics as keys; a trailing "?" marks a topic optional. */
function path(...stages: string[][]): PathRecord {
  return {
    id: 'test',
    filePath: 'content/paths/test.mdx',
    data: {
      title: 'Test',
      stages: stages.map((topics, i) => ({
        title: `Stage ${i + 1}`,
        topics: topics.map((t) => ({ entry: ref(t.replace('?', '')), optional: t.endsWith('?') })),
      })),
    },
  };
}

describe('path schema', () => {
  const valid = {
    title: 'From zero',
    description: 'A path through the guide for people who have never written a backend before.',
    stages: [
      {
        title: 'Basics',
        summary: 'What a backend is and the tools to start.',
        topics: ['guides/apis', { entry: 'tools/git', optional: true }],
      },
    ],
  };

  it('reads topics written as "collection/id" or as an object', () => {
    expect(pathSchema.parse(valid).stages[0]?.topics).toEqual([
      { entry: { collection: 'guides', id: 'apis' }, optional: false },
      { entry: { collection: 'tools', id: 'git' }, optional: true },
    ]);
  });

  it('rejects a topic that is not "collection/id"', () => {
    const bad = { ...valid, stages: [{ ...valid.stages[0], topics: ['apis'] }] };
    expect(() => pathSchema.parse(bad)).toThrow(/collection\/id/);
    const wrongCollection = { ...valid, stages: [{ ...valid.stages[0], topics: ['paths/apis'] }] };
    expect(pathSchema.safeParse(wrongCollection).success).toBe(false);
  });

  it('rejects unknown fields and an empty path', () => {
    expect(pathSchema.safeParse({ ...valid, colour: 'blue' }).success).toBe(false);
    expect(pathSchema.safeParse({ ...valid, stages: [] }).success).toBe(false);
  });
});

describe('learning path checks', () => {
  const entries = [
    entry('guides/web'),
    entry('tools/git', ['guides/web']),
    entry('languages/python', ['guides/web']),
    entry('guides/apis', ['languages/python', 'tools/docker']),
  ];

  it('finds no problem in a path that respects its prerequisites', () => {
    expect(findPathProblems([path(['guides/web', 'tools/git'], ['languages/python', 'guides/apis'])], entries)).toEqual(
      [],
    );
  });

  it('names the file and field of a topic that does not exist', () => {
    expect(findPathProblems([path(['guides/web'], ['guides/nope'])], entries)).toEqual([
      'content/paths/test.mdx: field "stages[1].topics[0]" references "nope" in guides, but guides has no entry "nope"',
    ]);
  });

  it('names a topic placed before its prerequisite, and where the prerequisite is', () => {
    expect(findPathProblems([path(['guides/apis'], ['guides/web', 'languages/python'])], entries)).toEqual([
      'content/paths/test.mdx: field "stages[0].topics[0]" puts "guides/apis" before its prerequisite "languages/python" (stages[1].topics[1]; content/guides/apis.mdx lists it in "prerequisites.languages[0]"); move the prerequisite earlier or the topic later',
    ]);
  });

  it('ignores prerequisites that are not on the path', () => {
    // guides/apis also needs tools/docker, which this path leaves out.
    expect(findPathProblems([path(['guides/web', 'languages/python', 'guides/apis'])], entries)).toEqual([]);
  });

  it('names a topic listed twice', () => {
    expect(findPathProblems([path(['guides/web'], ['tools/git', 'guides/web'])], entries)).toEqual([
      'content/paths/test.mdx: field "stages[1].topics[1]" lists "guides/web" again; it is already in stages[0].topics[0]',
    ]);
  });

  it('finds a prerequisite cycle once, naming the file and field that closes it', () => {
    const cyclic = [entry('guides/a', ['guides/b']), entry('guides/b', ['tools/c']), entry('tools/c', ['guides/a'])];
    expect(findPrerequisiteCycles(cyclic)).toEqual([
      'content/tools/c.mdx: field "prerequisites.guides[0]" makes a prerequisite cycle: guides/a -> guides/b -> tools/c -> guides/a; remove one of these prerequisites',
    ]);
  });

  it('finds an entry that is its own prerequisite, and no cycle in a diamond', () => {
    expect(findPrerequisiteCycles([entry('guides/a', ['guides/a'])])).toHaveLength(1);
    expect(findPrerequisiteCycles(entries)).toEqual([]);
  });

  it('finds two questions with the same prompt', () => {
    const q = { prompt: 'Which one?', choices: ['a', 'b'], answer: 'a', explanation: 'Because.' };
    const e = { ...entry('guides/web'), data: { questions: [q, { ...q }] } };
    expect(findDuplicateQuestions([e])).toEqual([
      'content/guides/web.mdx: field "questions[1].prompt" repeats questions[0]; every prompt must differ',
    ]);
  });
});

describe('route and memberships', () => {
  const p = path(['guides/web', 'tools/git?'], ['languages/python']);

  it('flattens stages into one route with positions and fields', () => {
    expect(routeOf(p).map((t) => [t.key, t.stage, t.index, t.field, t.optional])).toEqual([
      ['guides/web', 1, 0, 'stages[0].topics[0]', false],
      ['tools/git', 1, 1, 'stages[0].topics[1]', true],
      ['languages/python', 2, 2, 'stages[1].topics[0]', false],
    ]);
  });

  it('says which stage an entry is in and what comes next', () => {
    expect(membershipsOf([p], ref('tools/git'))).toEqual([
      { path: p, stage: 1, stages: 2, next: ref('languages/python') },
    ]);
    expect(membershipsOf([p], ref('languages/python'))).toEqual([{ path: p, stage: 2, stages: 2 }]);
    expect(membershipsOf([p], ref('tools/docker'))).toEqual([]);
  });

  it('formats study time', () => {
    expect([45, 60, 200].map(formatMinutes)).toEqual(['45 min', '1 h', '3 h 20 min']);
    expect([200, 3486].map(formatTotal)).toEqual(['3 h 20 min', '58 h']);
  });

  it('gives questions a stable id from the prompt alone', () => {
    expect(questionId('What is an API?')).toMatch(/^[0-9a-f]{8}$/);
    expect(questionId('What is an API?')).toBe(questionId('  What is an API?  '));
    expect(questionId('What is an API?')).not.toBe(questionId('What is an API'));
  });
});

describe('next up', () => {
  const topics = [
    { key: 'a', prerequisites: [], optional: false },
    { key: 'b', prerequisites: ['a'], optional: true },
    { key: 'c', prerequisites: ['a'], optional: false },
    { key: 'd', prerequisites: ['c', 'x'], optional: false },
  ];
  const doneSet =
    (...keys: string[]) =>
    (key: string) =>
      keys.includes(key);

  it('is the first topic not done whose prerequisites are done, required before optional', () => {
    expect(nextUp(topics, doneSet())?.key).toBe('a');
    expect(nextUp(topics, doneSet('a'))?.key).toBe('c');
    expect(nextUp(topics, doneSet('a', 'c', 'x'))?.key).toBe('d');
  });

  it('falls back to optional topics, then to a topic whose prerequisites are off the path', () => {
    expect(nextUp(topics, doneSet('a', 'c'))?.key).toBe('b');
    expect(nextUp(topics, doneSet('a', 'b', 'c'))?.key).toBe('d');
    expect(nextUp(topics, doneSet('a', 'b', 'c', 'd'))).toBeUndefined();
  });
});

describe('Leitner schedule', () => {
  const today = '2026-12-30';

  it('puts a missed question in box 1, due the next day, across month and year ends', () => {
    expect(answer(undefined, false, today)).toEqual({ box: 1, due: '2026-12-31' });
    expect(answer({ box: 4, due: '2026-12-01' }, false, '2026-12-31')).toEqual({ box: 1, due: '2027-01-01' });
  });

  it('moves a due question up a box with intervals of 2, 4, 8 and 16 days', () => {
    let card = answer(undefined, false, '2026-12-01');
    const dues: string[] = [];
    for (let i = 0; i < 4; i++) {
      card = answer(card, true, card?.due ?? '');
      dues.push(`${card?.box}:${card?.due}`);
    }
    expect(dues).toEqual(['2:2026-12-04', '3:2026-12-08', '4:2026-12-16', '5:2027-01-01']);
  });

  it('lets a question leave the review after a right answer in box 5', () => {
    expect(answer({ box: 5, due: today }, true, today)).toBeUndefined();
  });

  it('changes nothing on a right answer before the due day, or to a question never missed', () => {
    expect(answer({ box: 2, due: '2027-01-02' }, true, today)).toEqual({ box: 2, due: '2027-01-02' });
    expect(answer(undefined, true, today)).toBeUndefined();
  });

  it('counts calendar days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('progress file', () => {
  const known: KnownIds = { entries: ['guides/apis', 'tools/git'], aliases: { 'guides/api-basics': 'guides/apis' } };
  const file = (body: Record<string, unknown>) =>
    JSON.stringify({ format: PROGRESS_FORMAT, version: 1, done: {}, questions: {}, ...body });

  it('round-trips what it writes', () => {
    const progress = {
      done: { 'guides/apis': '2026-12-01' },
      questions: { 'tools/git#0a1b2c3d': { box: 2, due: '2026-12-04' } },
    };
    const text = serializeProgress(progress, new Date('2026-12-01T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: PROGRESS_FORMAT,
      version: 1,
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(parseProgress(text, known)).toEqual(progress);
  });

  it('refuses a file that is not JSON, not ours, or another version, saying which', () => {
    expect(parseProgress('{"done": ', known)).toBe('it is not JSON');
    expect(parseProgress('{"done": {}}', known)).toBe('it is not a progress file of this guide');
    expect(parseProgress('[]', known)).toBe('it is not a progress file of this guide');
    expect(parseProgress(file({ version: 2 }), known)).toBe('it is format version 2, and this guide reads version 1');
  });

  it('refuses unknown ids, naming them', () => {
    expect(parseProgress(file({ done: { 'guides/nope': '2026-12-01', 'tools/git': '2026-12-01' } }), known)).toBe(
      'it names pages this guide does not have: guides/nope',
    );
    expect(parseProgress(file({ questions: { 'faq/gone#0a1b2c3d': { box: 1, due: '2026-12-02' } } }), known)).toBe(
      'it names pages this guide does not have: faq/gone',
    );
  });

  it('refuses malformed items', () => {
    expect(parseProgress(file({ done: { 'guides/apis': true } }), known)).toBe('"done" has a bad item: guides/apis');
    expect(parseProgress(file({ done: ['guides/apis'] }), known)).toBe('"done" has a bad item: 0');
    expect(parseProgress(file({ questions: 'guides/apis' }), known)).toBe('"questions" has a bad item: 0');
    expect(parseProgress(file({ questions: { 'guides/apis#0a1b2c3d': { box: 6, due: '2026-12-02' } } }), known)).toBe(
      '"questions" has a bad item: guides/apis#0a1b2c3d',
    );
    expect(parseProgress(file({ questions: { 'guides/apis#zz': { box: 1, due: '2026-12-02' } } }), known)).toBe(
      '"questions" has a bad item: guides/apis#zz',
    );
  });

  it('renames former ids to current ones', () => {
    expect(
      parseProgress(
        file({
          done: { 'guides/api-basics': '2026-11-02' },
          questions: { 'guides/api-basics#0a1b2c3d': { box: 3, due: '2026-12-09' } },
        }),
        known,
      ),
    ).toEqual({
      done: { 'guides/apis': '2026-11-02' },
      questions: { 'guides/apis#0a1b2c3d': { box: 3, due: '2026-12-09' } },
    });
  });

  it('carries progress saved under an alias over to the entry', () => {
    const progress = emptyProgress();
    progress.done['guides/api-basics'] = '2026-11-02';
    progress.questions['guides/api-basics#0a1b2c3d'] = { box: 2, due: '2026-12-03' };
    expect(carryOver(progress, 'guides/apis', ['guides/api-basics'])).toBe(true);
    expect(progress).toEqual({
      done: { 'guides/apis': '2026-11-02' },
      questions: { 'guides/apis#0a1b2c3d': { box: 2, due: '2026-12-03' } },
    });
    expect(carryOver(progress, 'guides/apis', ['guides/api-basics'])).toBe(false);
  });
});

// What the build checks, on the guide's own content, without a build: a content change that puts
// a prerequisite after its topic on a path shows up here, in the unit tests authors run.
describe("the guide's own learning paths", () => {
  const entries = contentFiles()
    .filter((e) => e.data['draft'] !== true)
    .map((e) => {
      const groups = (e.data['prerequisites'] ?? {}) as Record<string, string[]>;
      const prerequisites = Object.fromEntries(
        Object.entries(groups).map(([collection, ids]) => [collection, ids.map((id) => ({ collection, id }))]),
      );
      return { ...e, data: { ...e.data, prerequisites } };
    });
  const paths = readdirSync('content/paths').map((name) => {
    const filePath = join('content/paths', name);
    const { data } = readEntryFile(readFileSync(filePath, 'utf8'), filePath);
    return { id: name.replace(/\.mdx$/, ''), filePath, data: pathSchema.parse(data) };
  });

  it('have no missing topic, no prerequisite cycle and no topic before its prerequisite', () => {
    expect(paths.map((p) => p.id).sort()).toEqual(['from-zero-to-backend', 'frontend-to-full-stack']);
    expect(findLearningProblems(paths, entries)).toEqual([]);
  });

  it('take a beginner through every guide, in nine stages', () => {
    const zero = paths.find((p) => p.id === 'from-zero-to-backend');
    const onPath = new Set(zero ? routeOf(zero).map((t) => t.key) : []);
    const guides = entries.filter((e) => e.collection === 'guides').map((e) => `guides/${e.id}`);
    expect(guides.filter((key) => !onPath.has(key))).toEqual([]);
    expect(zero?.data.stages).toHaveLength(9);
  });
});
