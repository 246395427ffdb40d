/**
 * The plain-Markdown twin of an entry (/<collection>/<id>.md) and the site's llms.txt.
 * Pure string work over the entry's MDX body, so tests can call it directly.
 */

/** What the twin of one entry is made from. */
export interface TwinSource {
  title: string;
  description: string;
  /** The MDX body, frontmatter already removed. */
  body: string;
}

/** Turns a root-relative path ("/tools/django/") into the URL a reader should follow. */
export type Resolve = (path: string) => string;

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})/;
// MDX-only lines: ESM imports/exports and lines holding nothing but a component tag.
const MDX_ONLY = /^(?:(?:import|export)\s.*|\s*<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>\s*)$/;
const ROOT_LINK = /(\]\()(\/(?!\/)[^)\s]*)/g;

/**
 * The body as portable Markdown: MDX imports and component tags dropped, root-relative
 * links made absolute through `resolve`; code blocks are left exactly as written.
 */
export function portableMarkdown(body: string, resolve: Resolve): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    if (fence) {
      out.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open?.[2]) {
      fence = open[2];
      out.push(line);
      continue;
    }
    if (MDX_ONLY.test(line)) continue;
    out.push(line.replace(ROOT_LINK, (_, bracket: string, path: string) => bracket + resolve(path)));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The Markdown twin: title, description as a quote, then the body. */
export function markdownTwin(entry: TwinSource, resolve: Resolve): string {
  return `# ${entry.title}\n\n> ${entry.description}\n\n${portableMarkdown(entry.body, resolve)}\n`;
}

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
