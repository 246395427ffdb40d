import type { APIRoute } from 'astro';
import { getEntries } from '~/content';
import { llmsTxt } from '~/lib/llms-txt';
import { SECTIONS } from '~/lib/nav';
import { absoluteUrl, entryPath, markdownPath } from '~/lib/urls';
import { COLLECTIONS } from '~/schemas';

/** llms.txt: every entry of the guide with its description and URL, section by section. */
export const GET: APIRoute = async ({ site }) => {
  const sections = await Promise.all(
    COLLECTIONS.map(async (collection) => ({
      label: SECTIONS[collection].label,
      entries: (await getEntries(collection)).map((entry) => ({
        title: entry.data.title,
        description: entry.data.description,
        url: absoluteUrl(entryPath(entry.collection, entry.id), site),
      })),
    })),
  );
  const text = llmsTxt({
    name: 'The Backend Developer Guide',
    summary:
      'A guide to backend development for learners: what backend work is, the roles, the languages and their frameworks, databases, APIs, tools, and a path to start.',
    details: `Every entry below is also available as plain Markdown: take its URL and replace the final slash with ".md" (for example ${absoluteUrl(markdownPath('languages', 'python'), site)}).`,
    sections,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
