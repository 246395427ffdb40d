// <self-check data-question="guides/apis#1a2b3c4d" data-answer="2">: one question's form.
// Check says right or not quite and opens the answer with its explanation; the result goes
// into the Leitner review (a miss to box 1). Without JavaScript the answer is a plain <details>.
import { answer, localDay } from '~/lib/progress';
import { load, save } from './store';

class SelfCheck extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const key = this.dataset['question'] ?? '';
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input:checked');
      if (!chosen) return;
      const correct = chosen.value === this.dataset['answer'];
      const verdict = this.querySelector('[role="status"]');
      if (verdict) verdict.textContent = correct ? 'Right.' : 'Not quite.';
      this.dataset['result'] = correct ? 'right' : 'wrong';
      const details = this.querySelector('details');
      if (details) details.open = true;
      const progress = load();
      const card = answer(progress.questions[key], correct, localDay(new Date()));
      if (card) progress.questions[key] = card;
      else delete progress.questions[key];
      save(progress);
    });
  }
}

customElements.define('self-check', SelfCheck);
