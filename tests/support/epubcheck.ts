import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One message of EPUBCheck's JSON report. */
export interface EpubcheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

/** The command that runs EPUBCheck: Debian's `epubcheck` is a link to an executable jar, which needs `java -jar`. */
function command(): [string, string[]] {
  const found = spawnSync('sh', ['-c', 'command -v epubcheck'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('epubcheck is not installed (Debian package epubcheck; npm test installs it as root)');
  const target = realpathSync(found);
  return target.endsWith('.jar') ? ['java', ['-jar', target]] : [found, []];
}

/** Every message EPUBCheck reports for `file`. */
export function epubcheck(file: string): EpubcheckMessage[] {
  const [program, args] = command();
  const work = mkdtempSync(join(tmpdir(), 'guide-epubcheck-'));
  try {
    const report = join(work, 'report.json');
    const run = spawnSync(program, [...args, file, '--json', report], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const { messages } = JSON.parse(readFileSync(report, 'utf8')) as { messages: EpubcheckMessage[] };
    return messages;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Messages as "SEVERITY ID path:line:col message", one a line, for a failing assertion. */
export const formatMessages = (messages: readonly EpubcheckMessage[]): string =>
  messages
    .map(
      (m) =>
        `${m.severity} ${m.ID} ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')} ${m.message}`,
    )
    .join('\n');
