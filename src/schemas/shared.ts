import { z } from 'astro/zod';

/** The collections of the guide, in the order the site presents them. */
export const COLLECTIONS = ['roles', 'languages', 'tools', 'guides', 'faq'] as const;
/** Name of one content collection. */
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Builds the schema of a cross-reference to an entry of `collection`.
 * Astro passes its own `reference()`; unit tests pass a plain stand-in, so the
 * schemas stay importable outside Astro.
 */
export type ReferenceFactory = (collection: CollectionName) => z.ZodType<{ id: string; collection: string }>;

/** Entries related to this one, grouped by collection; each id must exist. */
export const relatedSchema = (ref: ReferenceFactory) =>
  z
    .strictObject({
      /** Related roles. */
      roles: z.array(ref('roles')).default([]),
      /** Related languages. */
      languages: z.array(ref('languages')).default([]),
      /** Related tools. */
      tools: z.array(ref('tools')).default([]),
      /** Related guides. */
      guides: z.array(ref('guides')).default([]),
      /** Related FAQ entries. */
      faq: z.array(ref('faq')).default([]),
    })
    .default({ roles: [], languages: [], tools: [], guides: [], faq: [] });

/** A calendar year in which something first shipped. */
export const yearSchema = z.number().int().min(1950).max(2100);

/** Fields every entry has, whatever its collection. */
export const baseEntry = (ref: ReferenceFactory) =>
  z.strictObject({
    /** Page title and the entry's name in lists; for FAQ entries, the question. */
    title: z.string().trim().min(2).max(90),
    /** One or two sentences for lists, search results and the meta description. */
    description: z.string().trim().min(40).max(200),
    /** Position within its collection, lowest first; ties sort by title. Default 100. */
    order: z.number().int().min(0).default(100),
    /** A draft renders under `npm run dev` only and is left out of a production build. Default false. */
    draft: z.boolean().default(false),
    /** Other entries worth reading next; shown on the page and as backlinks on theirs. */
    related: relatedSchema(ref),
  });
