import type { APIRoute } from 'astro';
import { url } from '~/lib/urls';

/** The web app manifest that makes the guide installable; every URL carries the base path. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      {
        name: 'The Backend Developer Guide',
        short_name: 'Backend Guide',
        description: 'Roles, languages, tools and guides for learning backend development, readable offline.',
        lang: 'en',
        id: url('/'),
        start_url: url('/'),
        scope: url('/'),
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: url('/favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
          { src: url('/icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
          { src: url('/icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
          { src: url('/icons/icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
