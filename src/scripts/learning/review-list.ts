// <review-list data-base="/">: the questions in Leitner review,
// due first. Each one is taken from its own page (precached, so this works offline) and can
// be answered here; a question no longer on its page leaves the review. Bundled on its own and
// loaded by src/scripts/learning.ts when the element is on the page; it reads and writes the
// progress through the page's store.
import { localDay } from '~/lib/progress';
import type { Store } from './store';

/** Fills the list inside `host` with the questions in review. */
export async function showReview(host: HTMLElement, { load, save }: Store): Promise<void> {
  // Former ids need no lookup here: the entry's own page and the path pages move them.
  let progress = load();
  const today = localDay(new Date());
  const cards = Object.entries(progress.questions).sort(([, a], [, b]) => a.due.localeCompare(b.due));
  const list = host.querySelector('ol');
  const status = host.querySelector('[data-summary]');
  if (!list || !status || cards.length === 0) return;
  const due = cards.filter(([, card]) => card.due <= today).length;
  status.textContent = `In review: ${cards.length}, due now: ${due}.`;
  // Every page is asked for at once; the list still fills in review order.
  const pages = new Map<string, Promise<Document | undefined>>();
  const urlOf = (id: string) => `${host.dataset['base']}${id.split('#')[0]}/`;
  for (const [id] of cards) {
    const url = urlOf(id);
    if (!pages.has(url)) {
      pages.set(
        url,
        fetch(url)
          .then(async (r) => (r.ok ? new DOMParser().parseFromString(await r.text(), 'text/html') : undefined))
          .catch(() => undefined),
      );
    }
  }
  for (const [id, card] of cards) {
    const url = urlOf(id);
    const anchor = `q-${id.split('#')[1]}`;
    const item = list.appendChild(document.createElement('li'));
    const page = await pages.get(url);
    const question = page?.getElementById(anchor);
    if (!question) {
      // A page that loaded without the question: it was reworded or removed, so it leaves the review.
      if (page) {
        progress = load();
        delete progress.questions[id];
        save(progress);
        item.remove();
      } else item.textContent = `A question from ${url} did not load: its page is not saved on this device yet.`;
      continue;
    }
    const link = document.createElement('a');
    link.href = `${url}#${anchor}`;
    link.textContent = page?.querySelector('h1')?.textContent ?? url;
    const from = item.appendChild(document.createElement('p'));
    from.append('From ', link, `, box ${card.box} of 5, due ${card.due <= today ? 'now' : card.due}`);
    item.append(document.importNode(question, true));
  }
}

(globalThis as Record<symbol, unknown>)[Symbol.for('guide:review-list')] = showReview;
