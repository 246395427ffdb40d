/** Mounts Pagefind's UI on the search page and keeps the query in the URL. */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

export function startSearchPage(): void {
  const container = document.getElementById('search');
  if (!container) return;
  const bundle = container.dataset['bundle'] ?? '/pagefind/';
  const PagefindUI = (window as unknown as { PagefindUI: PagefindUIConstructor }).PagefindUI;
  const ui = new PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, resetStyles: false });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
}
