import { z } from 'astro/zod';
import { baseEntry, yearSchema, type ReferenceFactory } from './shared.ts';

/** How a language checks types. */
export const TYPING = ['static', 'dynamic', 'gradual'] as const;

/** Programming paradigms a language supports well. */
export const PARADIGMS = [
  'object-oriented',
  'functional',
  'procedural',
  'imperative',
  'event-driven',
  'concurrent',
  'generic',
  'scripting',
] as const;

/** A programming language used to build backends. */
export const languageSchema = (ref: ReferenceFactory) =>
  baseEntry(ref).extend({
    /** Discriminator, filled in by the schema; authors leave it out. */
    type: z.literal('language').default('language'),
    /** Type discipline: static, dynamic or gradual. */
    typing: z.enum(TYPING),
    /** Paradigms the language supports well, most characteristic first. */
    paradigms: z.array(z.enum(PARADIGMS)).min(1),
    /** How the language usually runs work concurrently, in a short phrase. */
    concurrency: z.string().trim().min(3).max(140),
    /** Year of the first public release. */
    firstReleased: yearSchema,
    /** The usual package manager and registry (e.g. "pip and PyPI"). */
    packageManager: z.string().trim().min(2).max(80),
    /** What runs the code (e.g. "CPython interpreter", "JVM"). */
    runtime: z.string().trim().min(2).max(80),
    /** Backend frameworks for this language; each tool must name this language back. */
    frameworks: z.array(ref('tools')).min(1),
    /** Kinds of backend work the language fits best, one short phrase each. */
    useCases: z.array(z.string().trim().min(3)).min(1),
    /** The language's official home page. */
    website: z.url(),
  });

/** Frontmatter of a language after parsing. */
export type LanguageData = z.output<ReturnType<typeof languageSchema>>;
