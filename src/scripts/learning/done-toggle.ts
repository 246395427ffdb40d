// <done-toggle data-key="guides/apis" data-aliases="guides/old-id">: the checkbox inside marks
// an entry done. Progress saved under a former id of the entry moves to its current id.
import { carryOver, localDay } from '~/lib/progress';
import { load, save, subscribe, words } from './store';

class DoneToggle extends HTMLElement {
  connectedCallback(): void {
    const box = this.querySelector('input');
    const key = this.dataset['key'];
    if (!box || !key) return;
    const sync = () => {
      const progress = load();
      if (carryOver(progress, key, words(this.dataset['aliases']))) save(progress);
      box.checked = key in progress.done;
    };
    box.addEventListener('change', () => {
      const progress = load();
      if (box.checked) progress.done[key] = localDay(new Date());
      else delete progress.done[key];
      save(progress);
    });
    subscribe(sync);
    sync();
  }
}

customElements.define('done-toggle', DoneToggle);
