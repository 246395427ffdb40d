import type { APIRoute, GetStaticPaths } from 'astro';
import { getAllEntries, type Entry } from '~/content';
import { markdownTwin } from '~/lib/markdown/index.ts';
import { absoluteUrl } from '~/lib/urls';

/** Every entry as plain Markdown at /<collection>/<id>.md, for readers and tools that want the text. */
export const getStaticPaths = (async () => {
  const entries = await getAllEntries();
  return entries.map((entry) => ({ params: { collection: entry.collection, id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: Entry };
  const text = markdownTwin(
    { title: entry.data.title, description: entry.data.description, body: entry.body ?? '' },
    (path) => absoluteUrl(path, site),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
