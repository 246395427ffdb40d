// The controls of <progress-file data-ids="/progress-ids.json">: export the progress to a JSON
// file, import one (checked against the site's entry ids, confirmed before it replaces anything)
// and reset. A refused file leaves the saved progress exactly as it was. Bundled on its own
// (src/scripts/learning.ts loads it with `?worker&url` on the first click or file choice), so it
// reaches the saved progress through the page's store, whose subscribers redraw on a change.
import { count } from '~/lib/count';
import { localDay, serializeProgress, type Progress } from '~/lib/progress';
import { parseProgress, type KnownIds } from '~/lib/progress-file';
import type { Store } from './store';

const summary = (p: Progress) =>
  `${count(Object.keys(p.done).length, 'topic', 'topics')} done, ` +
  `${count(Object.keys(p.questions).length, 'question', 'questions')} in review`;
const isEmpty = (p: Progress) => Object.keys(p.done).length === 0 && Object.keys(p.questions).length === 0;

/** Acts on one click or change inside `host`. */
export async function handleProgressFile(host: HTMLElement, event: Event, { load, save }: Store): Promise<void> {
  const target = event.target as HTMLInputElement;
  const say = (text: string) => {
    const status = host.querySelector('[role="status"]');
    if (status) status.textContent = text;
  };
  if (target.matches('[data-export]')) {
    const progress = load();
    const link = document.createElement('a');
    link.download = `guide-progress-${localDay(new Date())}.json`;
    link.href = URL.createObjectURL(new Blob([serializeProgress(progress, new Date())], { type: 'application/json' }));
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(`Exported ${summary(progress)} to ${link.download}.`);
  } else if (target.matches('[data-reset]')) {
    if (confirm('Reset all progress saved in this browser? This cannot be undone; export it first to keep a copy.')) {
      save(undefined);
      say('Progress reset.');
    }
  } else if (event.type === 'change' && target.files?.[0]) {
    const file = target.files[0];
    target.value = '';
    let result: Progress | string = 'the list of pages to check it against did not load';
    try {
      const known = (await (await fetch(host.dataset['ids'] ?? '')).json()) as KnownIds;
      result = parseProgress(await file.text(), known);
    } catch {
      // The message above stands.
    }
    if (typeof result === 'string') return say(`That file was not imported: ${result}. Your progress has not changed.`);
    const current = load();
    if (
      !isEmpty(current) &&
      !confirm(`Replace your progress (${summary(current)}) with the file's (${summary(result)})?`)
    ) {
      return say('Import cancelled. Your progress has not changed.');
    }
    save(result);
    say(`Imported ${summary(result)}.`);
  }
}

(globalThis as Record<symbol, unknown>)[Symbol.for('guide:progress-file')] = handleProgressFile;
