import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { buildCache, type DiagramCache } from './cache.ts';
import { diagramFigure } from './figure.ts';
import { prepareDiagram } from './diagram.ts';
import { DiagramError } from './source.ts';

/** The file an error names: relative to the working directory, as the author knows it. */
function fileName(url: URL | undefined): string {
  if (!url) return '<unknown file>';
  return relative(process.cwd(), fileURLToPath(url)) || fileURLToPath(url);
}

/**
 * Sätteri mdast plugin: every ```mermaid code block becomes a diagram figure (see figure.ts).
 * A problem fails the compile with "file:line: diagram: …", the line being the file's own.
 * Runs in the mdast phase, before Shiki would highlight the fence as code.
 */
export function mermaidDiagrams(options: { cache?: DiagramCache } = {}) {
  const cache = options.cache ?? buildCache;
  return defineMdastPlugin({
    name: 'guide:mermaid-diagrams',
    options: { position: true },
    code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      const fence = node.position?.start.line ?? 0;
      let prepared;
      try {
        prepared = prepareDiagram(node.value, cache);
      } catch (error) {
        const line = error instanceof DiagramError && error.line > 0 ? fence + error.line : fence;
        const failure = new Error(`${fileName(ctx.fileURL)}:${line}: diagram: ${(error as Error).message}`, {
          cause: error,
        });
        // Astro's MDX error reads line and column for its "Location" and the dev overlay.
        throw Object.assign(failure, { line, column: 1 });
      }
      // The prefix comes from the content, so a page's ids stay the same build after build;
      // the same diagram twice in one document gets a counter.
      const used = (ctx.data['diagramPrefixes'] ??= new Set<string>()) as Set<string>;
      const base = `diagram-${prepared.key.slice(0, 8)}`;
      let prefix = base;
      for (let n = 2; used.has(prefix); n++) prefix = `${base}-${n}`;
      used.add(prefix);

      const figure = diagramFigure(prepared.source, prepared.drawn, prefix);
      // A childless paragraph that mdast-to-hast turns into exactly this element (hName/hChildren).
      ctx.replaceNode(node, {
        type: 'paragraph',
        children: [],
        data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children },
      });
    },
  });
}
