/**
 * Each distinct diagram is drawn once: looked up by the SHA-256 of what the renderer reads, first
 * in memory (dev reloads, the same diagram on two pages), then on disk across builds. The key
 * also holds the renderer's version and FORMAT, so upgrading either draws everything again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '../env.ts';
import type { DrawnDiagram } from './svg.ts';

/** Bump when svg.ts changes what it makes of the renderer's output. */
const FORMAT = 3;

function rendererVersion(): string {
  try {
    const entry = import.meta.resolve('beautiful-mermaid');
    return (JSON.parse(readFileSync(new URL('../package.json', entry), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
const RENDERER = `beautiful-mermaid@${rendererVersion()}`;

export interface DiagramCache {
  /** The folder of `<sha256>.json` files; undefined keeps the cache in memory only. */
  readonly dir: string | undefined;
  readonly memory: Map<string, DrawnDiagram>;
  /** How lookups were answered since the cache was made: drawn anew, from memory, from disk. */
  readonly stats: { drawn: number; memory: number; disk: number };
}

export function createDiagramCache(dir?: string): DiagramCache {
  return { dir, memory: new Map(), stats: { drawn: 0, memory: 0, disk: 0 } };
}

/**
 * The build's cache: inside Astro's cache folder when GUIDE_CACHE_DIR names one (so the
 * benchmark's cold builds draw every diagram), else node_modules/.cache/guide-diagrams.
 */
export const buildCache = createDiagramCache(
  resolve(env.cacheDir ? join(env.cacheDir, 'diagrams') : 'node_modules/.cache/guide-diagrams'),
);

export function cacheKey(rendererInput: string): string {
  return createHash('sha256').update(`${RENDERER}\0${FORMAT}\0${rendererInput}`).digest('hex');
}

function readDisk(file: string): DrawnDiagram | undefined {
  try {
    const drawn = JSON.parse(readFileSync(file, 'utf8')) as DrawnDiagram;
    return drawn.svg?.type === 'element' && Array.isArray(drawn.relations) ? drawn : undefined;
  } catch {
    return undefined;
  }
}

/** The drawn diagram for `key`, drawing it with `draw` only when neither memory nor disk has it. */
export function cachedDrawing(cache: DiagramCache, key: string, draw: () => DrawnDiagram): DrawnDiagram {
  const inMemory = cache.memory.get(key);
  if (inMemory) {
    cache.stats.memory++;
    return inMemory;
  }
  const file = cache.dir ? join(cache.dir, `${key}.json`) : undefined;
  const onDisk = file ? readDisk(file) : undefined;
  if (onDisk) {
    cache.stats.disk++;
    cache.memory.set(key, onDisk);
    return onDisk;
  }
  const drawn = draw();
  cache.stats.drawn++;
  cache.memory.set(key, drawn);
  if (file && cache.dir) {
    // Written aside and renamed, so a parallel build never reads half a file.
    mkdirSync(cache.dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(drawn));
    renameSync(partial, file);
  }
  return drawn;
}
