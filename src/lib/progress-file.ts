/**
 * Reading a progress file: an export being imported, checked strictly against the site's ids.
 * Apart from progress.ts so that only the pages with an import control load it.
 */
import { emptyProgress, PROGRESS_FORMAT, PROGRESS_VERSION, type Progress } from './progress';

/** The entries the site has, for checking an imported file: keys and former keys. */
export interface KnownIds {
  entries: readonly string[];
  /** Former key -> current key. */
  aliases: Readonly<Record<string, string>>;
}

const DAY = /^\d{4}-\d\d-\d\d$/;
const ENTRY = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION = /^([a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*)#[0-9a-f]{8}$/;
const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);

/** A progress file as JSON.parse may return it, nothing trusted yet. */
interface RawFile {
  format?: unknown;
  version?: unknown;
  done?: Record<string, unknown>;
  questions?: Record<string, { box?: unknown; due?: unknown } | null>;
}

/**
 * Reads a progress file. With `known`, former ids are renamed to the current ones and ids the
 * site does not have are refused. Returns the progress, or a
 * sentence saying what is wrong with the file.
 */
export function parseProgress(text: string, known?: KnownIds): Progress | string {
  let file: RawFile | null;
  try {
    file = JSON.parse(text) as RawFile | null;
  } catch {
    return 'it is not JSON';
  }
  if (file?.format !== PROGRESS_FORMAT) return 'it is not a progress file of this guide';
  if (file.version !== PROGRESS_VERSION) {
    return `it is format version ${String(file.version)}, and this guide reads version ${PROGRESS_VERSION}`;
  }
  const progress = emptyProgress();
  const unknown: string[] = [];
  const rename = (key: string) => {
    const id = known?.aliases[key] ?? key;
    if (known && !known.entries.includes(id)) unknown.push(key);
    return id;
  };
  // Object.entries of a string or an array gives keys like "0", which fail the id pattern.
  for (const [key, day] of Object.entries(file.done ?? {})) {
    if (!ENTRY.test(key) || !isDay(day)) return `"done" has a bad item: ${key}`;
    progress.done[rename(key)] = day;
  }
  for (const [key, card] of Object.entries(file.questions ?? {})) {
    const [, entry] = QUESTION.exec(key) ?? [];
    const box = card?.box;
    if (!entry || !Number.isInteger(box) || (box as number) < 1 || (box as number) > 5 || !isDay(card?.due)) {
      return `"questions" has a bad item: ${key}`;
    }
    progress.questions[rename(entry) + key.slice(entry.length)] = { box: box as number, due: card.due };
  }
  return unknown.length > 0 ? `it names pages this guide does not have: ${unknown.join(', ')}` : progress;
}
