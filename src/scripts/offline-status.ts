/**
 * <offline-status> (src/components/OfflineStatus.astro): asks the service worker what this
 * device has saved, lists it by section, and offers to save the pages the first visit left out
 * ("Save the whole guide for offline use", with their size). The messages are described in
 * src/scripts/offline-worker.ts.
 */
import { count } from '~/lib/count';

/** One page of offline/pages.json. */
interface ListedPage {
  url: string;
  title: string;
  bytes: number;
  /** Repeats many other pages (the print edition): saved when read, not with the whole guide. */
  aggregate?: boolean;
}

/** What the worker says as it saves: pages done of the total, then whether it finished. */
interface SaveProgress {
  done?: number;
  total?: number;
  finished?: boolean;
  failed?: number;
  error?: string;
}

/** Sends `message` to the active worker with a port of its own; `onReply` says when the exchange is over. */
function ask<T>(worker: ServiceWorker, message: { type: string }, onReply: (reply: T) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<T>) => {
      if (onReply(event.data)) {
        channel.port1.close();
        resolve();
      }
    };
    worker.postMessage(message, [channel.port2]);
  });
}

const megabytes = (bytes: number): string => `${Math.max(0.1, bytes / 1024 / 1024).toFixed(1)} MB`;

customElements.define(
  'offline-status',
  class extends HTMLElement {
    private pages: ListedPage[] = [];
    private readonly piece = <E extends HTMLElement>(name: string): E => this.querySelector<E>(`[data-${name}]`) as E;

    connectedCallback(): void {
      // Shown in place of a page the worker has not saved: that page is what the reader asked for.
      if (location.pathname !== this.dataset['page']) {
        this.piece('heading').textContent = 'You are offline';
        this.piece('lead').textContent =
          'This page has not been saved on this device yet, so it cannot open without a connection.';
      }
      this.piece<HTMLButtonElement>('save-all').addEventListener('click', () => void this.saveAll());
      void this.show();
    }

    private say(text: string): void {
      this.piece('summary').textContent = text;
    }

    private async worker(): Promise<ServiceWorker | undefined> {
      if (!('serviceWorker' in navigator)) return undefined;
      // On a first visit the worker is still installing: its saving is what the reader waits for.
      if (!navigator.serviceWorker.controller) this.say('Saving the guide on this device…');
      return (await navigator.serviceWorker.ready).active ?? undefined;
    }

    /** Lists what is saved and shows the button with the size of the rest. */
    private async show(): Promise<void> {
      try {
        const worker = await this.worker();
        if (!worker) {
          this.say('This browser cannot save pages for offline reading.');
          return;
        }
        if (this.pages.length === 0) {
          const response = await fetch(this.dataset['list'] ?? '');
          this.pages = ((await response.json()) as { pages: ListedPage[] }).pages;
        }
        let saved = new Set<string>();
        await ask<{ saved: string[] }>(worker, { type: 'guide:saved' }, (reply) => {
          saved = new Set(reply.saved);
          return true;
        });
        this.render(saved);
      } catch {
        this.say('Could not read what this device has saved; reload the page to try again.');
      }
    }

    private render(saved: ReadonlySet<string>): void {
      const kept = this.pages.filter((page) => saved.has(page.url));
      const rest = this.pages.filter((page) => !saved.has(page.url) && !page.aggregate);
      const keptBytes = kept.reduce((sum, page) => sum + page.bytes, 0);
      const restBytes = rest.reduce((sum, page) => sum + page.bytes, 0);
      const pages = this.pages.filter((page) => !page.aggregate).length;
      this.say(
        rest.length === 0
          ? `Every page of the guide is saved on this device (${megabytes(keptBytes)}), and search works offline.`
          : `${kept.filter((page) => !page.aggregate).length} of ${pages} pages are saved on this device (${megabytes(keptBytes)}); pages you read are saved too.`,
      );
      const button = this.piece<HTMLButtonElement>('save-all');
      button.hidden = rest.length === 0;
      button.textContent = `Save the whole guide for offline use (${megabytes(restBytes)} more)`;
      this.renderList(kept);
    }

    /** The saved pages, grouped by section. */
    private renderList(kept: readonly ListedPage[]): void {
      const sections = JSON.parse(this.dataset['sections'] ?? '{}') as Record<string, string>;
      const groups = new Map<string, ListedPage[]>();
      for (const page of kept) {
        const folder = `${page.url.split('/')[0]}/`;
        const label = sections[folder] ?? 'Other pages';
        groups.set(label, [...(groups.get(label) ?? []), page]);
      }
      const list = this.piece('saved-list');
      list.replaceChildren(
        ...[...groups].flatMap(([label, pages]) => {
          const heading = Object.assign(document.createElement('h2'), {
            textContent: `${label} (${pages.length})`,
          });
          const items = document.createElement('ul');
          items.append(
            ...pages.map((page) => {
              const link = Object.assign(document.createElement('a'), {
                href: `${this.dataset['base'] ?? '/'}${page.url}`,
                textContent: page.title,
              });
              const item = document.createElement('li');
              item.append(link);
              return item;
            }),
          );
          return [heading, items];
        }),
      );
      this.piece('saved').hidden = kept.length === 0;
    }

    /** Asks the worker to save every page not saved yet, and says how far it got. */
    private async saveAll(): Promise<void> {
      const button = this.piece<HTMLButtonElement>('save-all');
      const progress = this.piece('progress');
      const worker = await this.worker();
      if (!worker) return;
      button.disabled = true;
      progress.textContent = 'Saving the whole guide…';
      await ask<SaveProgress>(worker, { type: 'guide:save-all' }, (reply) => {
        if (reply.error) {
          progress.textContent = `Saving stopped: ${reply.error}. Try again with a connection.`;
          return true;
        }
        if (!reply.finished) {
          progress.textContent = `Saving the whole guide: ${reply.done ?? 0} of ${reply.total ?? 0} pages…`;
          return false;
        }
        progress.textContent = reply.failed
          ? `${count(reply.failed, 'page', 'pages')} could not be saved; try again with a connection.`
          : 'The whole guide is saved on this device.';
        return true;
      });
      button.disabled = false;
      await this.show();
    }
  },
);
