// The progress in localStorage, read fresh on every use so all tabs agree, and the one place
// that writes it. Everything on the page that shows progress subscribes and redraws.
import {
  emptyProgress,
  serializeProgress,
  PROGRESS_FORMAT,
  PROGRESS_KEY,
  PROGRESS_VERSION,
  type Progress,
} from '~/lib/progress';

const listeners = new Set<() => void>();
let persistAsked = false;

/** The saved progress; empty when there is none or storage is refused. */
export function load(): Progress {
  try {
    const saved = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as
      (Partial<Progress> & { format?: string; version?: number }) | null;
    // Only this code writes the key, so checking the format is enough (an import is checked in full).
    if (saved?.format === PROGRESS_FORMAT && saved.version === PROGRESS_VERSION) {
      return { done: { ...saved.done }, questions: { ...saved.questions } };
    }
  } catch {
    // Storage refused (privacy settings) or not JSON: nothing saved.
  }
  return emptyProgress();
}

/** Saves `progress` (removes it when undefined) and tells every subscriber on the page. */
export function save(progress: Progress | undefined): void {
  try {
    if (progress) localStorage.setItem(PROGRESS_KEY, serializeProgress(progress, new Date()));
    else localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // Storage refused: there is nowhere to keep the change.
  }
  // Asked once, on the learner's first change: a browser may otherwise evict storage it needs room for.
  if (progress && !persistAsked) {
    persistAsked = true;
    navigator.storage?.persist?.().catch(() => undefined);
  }
  listeners.forEach((listener) => listener());
}

/** Calls `listener` after every change, from this page or another tab. */
export function subscribe(listener: () => void): void {
  listeners.add(listener);
}

addEventListener('storage', (event) => {
  if (event.key === PROGRESS_KEY || event.key === null) listeners.forEach((listener) => listener());
});

/** A space-separated data attribute as a list. */
export const words = (value: string | undefined): string[] => (value ?? '').split(' ').filter(Boolean);

/** What a separately bundled module gets to reach the page's progress. */
export interface Store {
  load: typeof load;
  save: typeof save;
}
