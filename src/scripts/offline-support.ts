// What makes the guide installable and readable offline: the web app manifest's link and the
// service worker's registration. Neither is needed to show the page, so both wait for its load
// event: a manifest link in the HTML would make the browser fetch it (and the icon it names) while
// the page's first bytes still come in. Without JavaScript the link is in <noscript> (see
// OfflineSupport.astro). `astro dev` registers no worker.
import { url } from '~/lib/urls';

export function startOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => {
    document.head.append(
      Object.assign(document.createElement('link'), { rel: 'manifest', href: url('/manifest.webmanifest') }),
    );
    // The worker sits next to the manifest, at the base path, and its scope is the base path.
    navigator.serviceWorker.register(url('/sw.js'), { scope: url('/') }).catch(() => undefined);
  };
  if (document.readyState === 'complete') setTimeout(start);
  else addEventListener('load', () => setTimeout(start), { once: true });
}
