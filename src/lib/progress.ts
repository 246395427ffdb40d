/**
 * A learner's progress, kept in the browser with no account: which entries are done and
 * which self-check questions are in spaced review. The same JSON object is what localStorage
 * holds and what "Export progress" downloads (the format is documented in the README); reading
 * and checking a file is in progress-file.ts. Pure and small: it ships to the browser in the
 * learning script (src/scripts/learning.ts).
 */

/** The localStorage key the progress lives under. */
export const PROGRESS_KEY = 'guide-progress';
/** Names the format inside the file, so any other JSON file is refused by name. */
export const PROGRESS_FORMAT = 'backend-developer-guide-progress';
/** The one version of the format this code reads and writes. */
export const PROGRESS_VERSION = 1;
/**
 * Leitner schedule: days until a question in box 1, 2, 3, 4 or 5 comes back. A miss puts a
 * question in box 1; a right answer when it is due moves it up a box; right in box 5 and it
 * leaves the review.
 */
export const INTERVALS = [1, 2, 4, 8, 16] as const;

/** A question in review: its Leitner box (1-5) and the day it is due ("2026-12-03"). */
export interface Card {
  box: number;
  due: string;
}

/** Done entries ("guides/apis" -> the day marked done) and questions in review ("guides/apis#1a2b3c4d" -> card). */
export interface Progress {
  done: Record<string, string>;
  questions: Record<string, Card>;
}

export const emptyProgress = (): Progress => ({ done: {}, questions: {} });

/** Progress as stored and exported: the file format, version 1. */
export function serializeProgress(progress: Progress, savedAt: Date): string {
  return JSON.stringify(
    { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, savedAt: savedAt.toISOString(), ...progress },
    null,
    1,
  );
}

/** Moves what was saved under an entry's former keys to its key; true when anything moved. */
export function carryOver(progress: Progress, key: string, aliases: readonly string[]): boolean {
  let moved = false;
  for (const alias of aliases) {
    const day = progress.done[alias];
    if (day) {
      progress.done[key] ??= day;
      delete progress.done[alias];
      moved = true;
    }
    for (const id of Object.keys(progress.questions)) {
      const card = progress.questions[id];
      if (card && id.startsWith(`${alias}#`)) {
        progress.questions[key + id.slice(alias.length)] ??= card;
        delete progress.questions[id];
        moved = true;
      }
    }
  }
  return moved;
}

/** The calendar day of `date` where the learner is ("2026-12-01"). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A question's card after an answer on `today`: a miss goes to box 1, due tomorrow; a right
 * answer to a due question moves it up a box (right in box 5 and it leaves the review, so
 * undefined); a right answer to a question never missed, or not yet due, changes nothing.
 */
export function answer(card: Card | undefined, correct: boolean, today: string): Card | undefined {
  if (!correct) return { box: 1, due: addDays(today, INTERVALS[0]) };
  if (!card || card.due > today) return card;
  const box = card.box + 1;
  const days = INTERVALS[box - 1];
  return days ? { box, due: addDays(today, days) } : undefined;
}

/** A topic as the next-up rule sees it. */
export interface NextTopic {
  key: string;
  prerequisites: readonly string[];
  optional: boolean;
}

/**
 * The topic to study next: the first topic not done whose prerequisites are all done,
 * required topics before optional ones. When none is ready (a skipped optional topic is
 * another's prerequisite), the first required topic not done, then any. Undefined when all
 * are done. Paths pass only the prerequisites that are on the path.
 */
export function nextUp<T extends NextTopic>(topics: readonly T[], isDone: (key: string) => boolean): T | undefined {
  const open = topics.filter((t) => !isDone(t.key));
  const ready = (t: T) => t.prerequisites.every(isDone);
  return open.find((t) => !t.optional && ready(t)) ?? open.find(ready) ?? open.find((t) => !t.optional) ?? open[0];
}
