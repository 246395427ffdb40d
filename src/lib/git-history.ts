/**
 * "Last updated" dates from git history: the date of the last commit that touched
 * each file. One `git log` pass per build covers every file; without git or without
 * history the map is empty and pages simply show no date. Commit dates, never the
 * build time, so a rebuild of the same commit produces the same pages.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { env } from '../../config/env.ts';

/** The marker that starts each commit in the log we ask for: NUL, then the ISO commit date. */
export const LOG_FORMAT = '--format=%x00%cI';

/**
 * Parses `git log --format=%x00%cI --name-only` (newest commit first) into absolute
 * file path -> ISO date of its newest commit. `root` is the repository's top level,
 * which git's paths are relative to.
 */
export function parseLastCommitDates(log: string, root: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) {
      date = line.slice(1).trim();
      continue;
    }
    const file = line.trim();
    if (!file || !date) continue;
    const path = resolve(root, file);
    if (!dates.has(path)) dates.set(path, date);
  }
  return dates;
}

const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });

let cached: Map<string, string> | undefined;

/** Dates for every committed file under `dir` (the content folder), read once per process. */
export function lastCommitDates(dir: string): Map<string, string> {
  if (cached) return cached;
  try {
    const root = git(['rev-parse', '--show-toplevel'], dir).trim();
    cached = parseLastCommitDates(git(['log', LOG_FORMAT, '--name-only', '--', '.'], dir), root);
  } catch {
    // Not a git checkout, or git is not installed: no dates rather than a failed build.
    cached = new Map();
  }
  return cached;
}

/** The ISO date of the newest commit of the repository holding `dir`, if it is one. */
export function lastCommitDate(dir = '.'): string | undefined {
  try {
    return git(['log', '-1', '--format=%cI'], dir).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The ISO date of the last commit that changed `filePath` (relative to the working directory), if any. */
export function lastUpdated(filePath: string, contentDir = env.contentDir): string | undefined {
  return lastCommitDates(resolve(contentDir)).get(resolve(filePath));
}

/** "25 November 2026": the date in UTC, so every build machine writes the same text. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
