/**
 * Diagrams drawn at build time: a ```mermaid fence becomes an accessible inline SVG in a figure.
 * No script runs in the browser and no browser runs at build time.
 *
 * - source.ts reads the kind, accTitle and accDescr (a diagram without a title fails);
 * - syntax.ts checks every line against what the renderer draws (an error names its line);
 * - svg.ts draws with beautiful-mermaid and rebuilds the SVG without outside references;
 * - cache.ts keeps each drawing by content hash, in memory and on disk;
 * - figure.ts places it in a <figure> with caption, scroll box and "Diagram as text";
 * - plugin.ts is the Sätteri mdast plugin that puts it all in place of the fence.
 *
 * Colours and fonts come from src/styles/diagrams.css, which sets the renderer's variables
 * from the site's light-dark() tokens.
 */
export { buildCache, createDiagramCache, type DiagramCache } from './cache.ts';
export { diagramProblem, prepareDiagram, renderDiagram, type PreparedDiagram } from './diagram.ts';
export { mermaidDiagrams } from './plugin.ts';
export { DiagramError, type DiagramKind } from './source.ts';
