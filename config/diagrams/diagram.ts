/** One diagram from source to figure: read, check, draw (or take from the cache), place. */
import type { Element } from 'hast';
import { buildCache, cacheKey, cachedDrawing, type DiagramCache } from './cache.ts';
import { diagramFigure } from './figure.ts';
import { DiagramError, readSource, type DiagramSource } from './source.ts';
import { drawDiagram, type DrawnDiagram } from './svg.ts';
import { checkSyntax } from './syntax.ts';

/** A checked and drawn diagram, not yet placed on a page. */
export interface PreparedDiagram {
  source: DiagramSource;
  drawn: DrawnDiagram;
  /** The cache key: the SHA-256 of what the renderer reads. */
  key: string;
}

/**
 * Reads, checks and draws one source (from the cache when it can). Throws DiagramError with the
 * line within the block for a problem in the source; any other error is the renderer's.
 */
export function prepareDiagram(source: string, cache: DiagramCache = buildCache): PreparedDiagram {
  const read = readSource(source);
  checkSyntax(read);
  const key = cacheKey(read.text);
  const drawn = cachedDrawing(cache, key, () => {
    try {
      return drawDiagram(read);
    } catch (error) {
      throw new DiagramError(`it could not be drawn: ${(error as Error).message}`, read.header.line);
    }
  });
  return { source: read, drawn, key };
}

/** The <figure> for one source, its ids starting with `prefix`. */
export function renderDiagram(source: string, prefix: string, cache: DiagramCache = buildCache): Element {
  const { source: read, drawn } = prepareDiagram(source, cache);
  return diagramFigure(read, drawn, prefix);
}

/** For the code-sample test: undefined when the diagram is fine, else "line N: problem". */
export function diagramProblem(source: string): string | undefined {
  try {
    prepareDiagram(source);
    return undefined;
  } catch (error) {
    if (error instanceof DiagramError) return `line ${error.line} of the diagram: ${error.message}`;
    throw error;
  }
}
