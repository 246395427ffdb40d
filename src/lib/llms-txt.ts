/** The site's llms.txt (https://llmstxt.org): every entry with its description and URL. */

/** One line of llms.txt. */
export interface LlmsEntry {
  title: string;
  description: string;
  url: string;
}

/** The llms.txt file (https://llmstxt.org): a title, a summary, then one list per section. */
export function llmsTxt(site: {
  name: string;
  summary: string;
  details: string;
  sections: readonly { label: string; entries: readonly LlmsEntry[] }[];
}): string {
  const sections = site.sections
    .filter((section) => section.entries.length > 0)
    .map(
      (section) =>
        `## ${section.label}\n\n${section.entries.map((e) => `- [${e.title}](${e.url}): ${e.description}`).join('\n')}`,
    );
  return `# ${site.name}\n\n> ${site.summary}\n\n${site.details}\n\n${sections.join('\n\n')}\n`;
}
