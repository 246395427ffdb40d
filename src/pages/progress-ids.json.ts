import type { APIRoute } from 'astro';
import { getAllEntries } from '~/content';
import { keyOf } from '~/lib/graph';
import { aliasKeys } from '~/lib/learning-path';
import type { KnownIds } from '~/lib/progress-file';

/**
 * The entry ids a progress file may name, and former ids with the entry that has them now.
 * Fetched only to check an import and by the review page; the service worker precaches it.
 */
export const GET: APIRoute = async () => {
  const entries = await getAllEntries();
  const known: KnownIds = {
    entries: entries.map(keyOf),
    aliases: Object.fromEntries(entries.flatMap((entry) => aliasKeys(entry).map((alias) => [alias, keyOf(entry)]))),
  };
  return new Response(JSON.stringify(known), { headers: { 'Content-Type': 'application/json' } });
};
