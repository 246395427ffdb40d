// <learning-path>: done counts and "Next up" for the topics inside it (a path page) or in its
// <template> (the home page). Counters ([data-count]) count the topics of their stage
// ([data-stage]) or, outside any stage, the whole path.
import { carryOver, nextUp } from '~/lib/progress';
import { load, save, subscribe, words } from './store';

class LearningPath extends HTMLElement {
  connectedCallback(): void {
    subscribe(() => this.update());
    this.update();
  }

  update(): void {
    const progress = load();
    const root = this.querySelector('template')?.content ?? this;
    const topics = [...root.querySelectorAll<HTMLElement>('[data-topic]')].map((item) => ({
      item,
      key: item.dataset['topic'] ?? '',
      prerequisites: words(item.dataset['prereqs']),
      optional: item.hasAttribute('data-optional'),
      link: item.querySelector('a'),
    }));
    let moved = false;
    for (const { item, key } of topics) moved = carryOver(progress, key, words(item.dataset['aliases'])) || moved;
    if (moved) save(progress);
    const isDone = (key: string) => key in progress.done;
    for (const counter of this.querySelectorAll('[data-count]')) {
      const stage = counter.closest('[data-stage]');
      const own = topics.filter((t) => !stage || stage.contains(t.item));
      counter.textContent = `${own.filter((t) => isDone(t.key)).length} of ${own.length}`;
    }
    const next = nextUp(topics, isDone);
    for (const { link } of topics) link?.toggleAttribute('aria-current', false);
    next?.link?.setAttribute('aria-current', 'step');
    const target = this.querySelector<HTMLAnchorElement>('[data-next]');
    if (target) {
      target.toggleAttribute('href', false);
      if (next?.link) target.href = next.link.getAttribute('href') ?? '';
      target.textContent = next?.link?.textContent ?? 'nothing, every topic of this path is done';
    }
  }
}

customElements.define('learning-path', LearningPath);
