/**
 * Loads Pagefind's component UI (its web components and their styles) from the search bundle,
 * once per page, and gives typed access to the bits of its API the guide uses.
 */
import type { SearchConfig } from '~/lib/search-config';
import { HIGHLIGHT_PARAM } from '~/lib/search-state';

/** The part of a Pagefind component-UI instance the guide talks to. */
export interface PagefindInstance {
  on(
    event: 'search',
    callback: (term: string, filters: Record<string, string[] | undefined>) => void,
    owner?: unknown,
  ): void;
  on(event: 'results', callback: (result: { results: unknown[] }) => void, owner?: unknown): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

let loading: Promise<void> | undefined;

/** Appends a stylesheet or script and resolves once it has loaded. */
function attach(element: HTMLLinkElement | HTMLScriptElement): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener(
      'error',
      () => reject(new Error(`Could not load ${'href' in element ? element.href : element.src}`)),
      { once: true },
    );
    document.head.append(element);
  });
}

const stylesheet = (href: string) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href });

/**
 * Fetches pagefind-component-ui.css and .js from the bundle, and the guide's own styles for
 * them when given (once per page), and waits for all of them.
 */
export function loadComponentUI(bundle: string, theme?: string): Promise<void> {
  loading ??= (async () => {
    const js = Object.assign(document.createElement('script'), { src: `${bundle}pagefind-component-ui.js` });
    const css = [stylesheet(`${bundle}pagefind-component-ui.css`), ...(theme ? [stylesheet(theme)] : [])];
    await Promise.all([...css.map(attach), attach(js)]);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The default search instance shared by every Pagefind component on the page. */
export function searchInstance(): PagefindInstance {
  const components = (window as unknown as { PagefindComponents: PagefindComponents }).PagefindComponents;
  return components.getInstanceManager().getInstance('default');
}

/** Attributes for <pagefind-config>: where the index is and how result links are built. */
export function configAttributes(config: SearchConfig): Record<string, string> {
  return {
    'bundle-path': config.bundle,
    'base-url': config.base,
    'highlight-param': HIGHLIGHT_PARAM,
    'excerpt-length': '24',
  };
}

/** Creates an element with attributes and children. */
export function element(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
