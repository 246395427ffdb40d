/**
 * Learning paths at build time: the checks that fail the build (missing topics, prerequisite
 * cycles, a topic before its prerequisite), the flattened route a path page and an entry's
 * "Part of" line read, and the stable ids of self-check questions. Pure: no Astro calls.
 */
import { keyOf, type EntryKey } from './graph';
import { referencesIn, type EntryRecord } from './references';

/** One topic of a stage, as the path schema parses it. */
export interface TopicInput {
  entry: EntryKey;
  optional: boolean;
}

/** What the checks and the route need to know of one path. */
export interface PathRecord {
  /** Path id (its file name without extension). */
  id: string;
  /** Path of the source file, relative to the project root. */
  filePath: string;
  data: { title: string; stages: readonly { title: string; topics: readonly TopicInput[] }[] };
}

/** A topic in route order, with where it sits. */
export interface RouteTopic extends TopicInput {
  /** "collection/id". */
  key: string;
  /** Stage number, from 1. */
  stage: number;
  /** Position on the whole path, from 0. */
  index: number;
  /** Field path in the path's frontmatter, e.g. "stages[2].topics[0]". */
  field: string;
}

/** Every topic of a path, stage after stage, in the order to study them. */
export function routeOf(path: { data: Pick<PathRecord['data'], 'stages'> }): RouteTopic[] {
  const route: RouteTopic[] = [];
  path.data.stages.forEach((stage, s) =>
    stage.topics.forEach((topic, t) =>
      route.push({
        ...topic,
        key: keyOf(topic.entry),
        stage: s + 1,
        index: route.length,
        field: `stages[${s}].topics[${t}]`,
      }),
    ),
  );
  return route;
}

/** An entry's prerequisites, with the field each one is written in. */
export function prerequisitesOf(entry: Pick<EntryRecord, 'data'>): { key: string; field: string }[] {
  return referencesIn(entry.data['prerequisites'] ?? {}, 'prerequisites').map((ref) => ({
    key: keyOf(ref),
    field: ref.field,
  }));
}

/**
 * One message per prerequisite cycle (an entry that, through its prerequisites, needs itself),
 * naming the file and field whose reference closes the loop. Prerequisites that do not exist
 * are left to findBrokenReferences.
 */
export function findPrerequisiteCycles(entries: readonly EntryRecord[]): string[] {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const problems: string[] = [];
  const visit = (key: string): void => {
    state.set(key, 'open');
    stack.push(key);
    const entry = byKey.get(key);
    for (const prerequisite of entry ? prerequisitesOf(entry) : []) {
      if (!byKey.has(prerequisite.key)) continue;
      const seen = state.get(prerequisite.key);
      if (seen === 'open' && entry) {
        const loop = [...stack.slice(stack.indexOf(prerequisite.key)), prerequisite.key];
        problems.push(
          `${entry.filePath}: field "${prerequisite.field}" makes a prerequisite cycle: ${loop.join(' -> ')}; remove one of these prerequisites`,
        );
      } else if (!seen) visit(prerequisite.key);
    }
    stack.pop();
    state.set(key, 'closed');
  };
  for (const key of byKey.keys()) if (!state.has(key)) visit(key);
  return problems;
}

/**
 * Problems of the paths themselves, each naming the path file and field: a topic that is no
 * entry, a topic listed twice, and a topic placed before one of its prerequisites that is on
 * the same path (prerequisites elsewhere are the learner's business).
 */
export function findPathProblems(paths: readonly PathRecord[], entries: readonly EntryRecord[]): string[] {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  return paths.flatMap((path) => {
    const route = routeOf(path);
    const first = new Map<string, RouteTopic>();
    const problems: string[] = [];
    for (const topic of route) {
      const earlier = first.get(topic.key);
      if (earlier) {
        problems.push(
          `${path.filePath}: field "${topic.field}" lists "${topic.key}" again; it is already in ${earlier.field}`,
        );
      } else first.set(topic.key, topic);
      if (!byKey.has(topic.key)) {
        problems.push(
          `${path.filePath}: field "${topic.field}" references "${topic.entry.id}" in ${topic.entry.collection}, but ${topic.entry.collection} has no entry "${topic.entry.id}"`,
        );
      }
    }
    for (const topic of route) {
      const entry = byKey.get(topic.key);
      if (!entry || first.get(topic.key) !== topic) continue;
      for (const prerequisite of prerequisitesOf(entry)) {
        const at = first.get(prerequisite.key);
        if (at && at.index > topic.index) {
          problems.push(
            `${path.filePath}: field "${topic.field}" puts "${topic.key}" before its prerequisite "${prerequisite.key}" (${at.field}; ${entry.filePath} lists it in "${prerequisite.field}"); move the prerequisite earlier or the topic later`,
          );
        }
      }
    }
    return problems;
  });
}

/** Two questions of one entry with the same prompt would share an id. */
export function findDuplicateQuestions(entries: readonly EntryRecord[]): string[] {
  return entries.flatMap((entry) => {
    const questions = (entry.data['questions'] ?? []) as { prompt: string }[];
    const seen = new Map<string, number>();
    return questions.flatMap((q, i) => {
      const id = questionId(q.prompt);
      const before = seen.get(id);
      seen.set(id, i);
      return before === undefined
        ? []
        : [`${entry.filePath}: field "questions[${i}].prompt" repeats questions[${before}]; every prompt must differ`];
    });
  });
}

/** Every learning-path problem of the content, cycles first. */
export function findLearningProblems(paths: readonly PathRecord[], entries: readonly EntryRecord[]): string[] {
  return [...findPrerequisiteCycles(entries), ...findPathProblems(paths, entries), ...findDuplicateQuestions(entries)];
}

/**
 * A question's stable id: 8 hex digits of a hash of its prompt (FNV-1a, 32 bits). Reordering
 * questions keeps their saved results; rewording one makes it a new question.
 */
export function questionId(prompt: string): string {
  let hash = 0x811c9dc5;
  for (const char of prompt.trim()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Where an entry sits on one path: "stage 3 of 9", and the topic after it. */
export interface Membership<P extends Pick<PathRecord, 'data'> = PathRecord> {
  path: P;
  stage: number;
  stages: number;
  /** The next topic on the path, if the entry is not the last. */
  next?: EntryKey;
}

/** The paths an entry is on, in the order of `paths`. */
export function membershipsOf<P extends Pick<PathRecord, 'data'>>(
  paths: readonly P[],
  entry: EntryKey,
): Membership<P>[] {
  const key = keyOf(entry);
  return paths.flatMap((path) => {
    const route = routeOf(path);
    const topic = route.find((t) => t.key === key);
    if (!topic) return [];
    const next = route[topic.index + 1]?.entry;
    return [{ path, stage: topic.stage, stages: path.data.stages.length, ...(next ? { next } : {}) }];
  });
}

/** The path of a learning path's page, without base. */
export const pathPage = (id: string): string => `/paths/${id}/`;
/** The page that lists every learning path. */
export const PATHS_INDEX = '/paths/';
/** The page of questions in spaced review. */
export const REVIEW_PAGE = '/review/';
/** Ids the import checks against and former ids it renames (src/pages/progress-ids.json.ts). */
export const PROGRESS_IDS = '/progress-ids.json';

/** An entry's former keys ("guides/old-id") from its `aliases`, which are ids in its own collection. */
export const aliasKeys = (entry: EntryKey & { data: { aliases?: readonly string[] } }): string[] =>
  (entry.data.aliases ?? []).map((alias) => `${entry.collection}/${alias}`);

/** Study time for people: "45 min", "2 h", "3 h 20 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A long total in whole hours, for a path ("about 58 h"); shorter totals as formatMinutes says them. */
export function formatTotal(minutes: number): string {
  return minutes >= 600 ? `${Math.round(minutes / 60)} h` : formatMinutes(minutes);
}
