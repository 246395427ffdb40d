/**
 * The date of the editions (the print page and the EPUB's metadata): SOURCE_DATE_EPOCH when
 * the builder sets it, else the date of the last commit. Never the build's own time, so two
 * builds of one commit print the same date and write the same EPUB bytes.
 */
import { env } from '../../../config/env.ts';
import { lastCommitDate } from '../git-history';

/** Without git and without SOURCE_DATE_EPOCH: the ZIP format's first day, the usual "unknown". */
const UNKNOWN = '1980-01-01T00:00:00Z';

/** The editions' date in UTC to the second ("2026-11-25T10:23:02Z"). */
export function editionDate(
  epoch = env.sourceDateEpoch,
  commitDate: () => string | undefined = lastCommitDate,
): string {
  let date: Date;
  if (epoch !== undefined) {
    const seconds = Number(epoch);
    if (!Number.isSafeInteger(seconds) || seconds < 0) {
      throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    }
    date = new Date(seconds * 1000);
  } else date = new Date(commitDate() ?? UNKNOWN);
  return `${date.toISOString().slice(0, 19)}Z`;
}
