import { DIAGRAM_COLOURS } from './book-page.ts';

/**
 * The EPUB's one stylesheet: plain book typography that leaves fonts and margins to the
 * reader's settings, code that wraps in monospace (Shiki's colours stay inline on each token),
 * and the diagram palette for readers that do resolve the SVG's variables.
 */
export const EPUB_CSS = `body { line-height: 1.5; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; page-break-after: avoid; break-after: avoid; }
.chapter > header h1 { margin-top: 0; }
.chapter-part { font-size: 0.85em; font-weight: bold; color: #4a5565; margin: 0; }
.lead { font-size: 1.1em; color: #4a5565; }
a { color: #0b5cad; }
code, pre, kbd, samp { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
:not(pre) > code { font-size: 0.9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8em; line-height: 1.45; padding: 0.6em; border: 1px solid #d6dde6; background-color: #f6f8fa; }
.code-tab-label { font-weight: bold; font-size: 0.85em; margin-bottom: 0.2em; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #d6dde6; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
blockquote { border-left: 3px solid #0b5cad; margin-left: 0; padding-left: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.facts { border: 1px solid #d6dde6; padding: 0.5em 1em; margin-bottom: 1em; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0 0 0.4em; }
.diagram { margin: 0 0 1.5em; }
.diagram figcaption { font-size: 0.85em; color: #4a5565; margin-bottom: 0.5em; }
.diagram-title { font-weight: bold; color: #1b2430; }
.diagram-scroll { padding: 0.5em; border: 1px solid #d6dde6; background-color: #ffffff; }
.diagram-svg { display: block; max-width: 100%; height: auto; margin: 0 auto; ${Object.entries(DIAGRAM_COLOURS)
  .map(([name, value]) => `${name}: ${value};`)
  .join(' ')} }
.diagram-svg text { font-family: sans-serif; }
.diagram-svg .mono { font-family: monospace; }
.diagram-text { font-size: 0.85em; margin-top: 0.5em; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100vh; }
nav ol { list-style: none; padding-left: 1em; }
`;
