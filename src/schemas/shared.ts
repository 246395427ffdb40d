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

/** How much a learner should know before an entry makes sense. */
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
/** One level of `LEVELS`. */
export type Level = (typeof LEVELS)[number];

/** A former id of an entry: kebab-case, as file names are. */
const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case kebab-case, like "how-the-web-works"');

/**
 * A self-check question shown at the end of the page. `answer` repeats the
 * correct choice word for word, so a reordered or edited choice cannot
 * silently point at the wrong one.
 */
export const questionSchema = z
  .strictObject({
    /** The question, as the learner reads it. */
    prompt: z.string().trim().min(10).max(300),
    /** Two to five possible answers, in the order shown. */
    choices: z.array(z.string().trim().min(1).max(200)).min(2).max(5),
    /** The correct choice, exactly as written in `choices`. */
    answer: z.string().trim().min(1),
    /** One or two sentences on why the answer is right, shown after checking. */
    explanation: z.string().trim().min(10).max(400),
    /** Id of the heading on this page that covers the question (e.g. "indexing"); omit to link the page. */
    section: z.string().trim().min(1).optional(),
  })
  .refine((q) => new Set(q.choices).size === q.choices.length, {
    message: 'choices must all differ',
    path: ['choices'],
  })
  .refine((q) => q.choices.includes(q.answer), {
    message: 'answer must be one of the choices, word for word',
    path: ['answer'],
  });

/** A self-check question after parsing. */
export type Question = z.output<typeof questionSchema>;

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
    /** Who the entry is written for: beginner, intermediate or advanced. */
    level: z.enum(LEVELS).optional(),
    /** Estimated minutes to study the entry (read, try the code, answer the questions); not reading time. */
    studyMinutes: z.number().int().min(1).max(600).optional(),
    /** Entries to understand first, grouped by collection like `related`; the learning path checks the order. */
    prerequisites: relatedSchema(ref),
    /** Former ids of this entry, so progress saved under an old id carries over after a rename. */
    aliases: z.array(idSchema).default([]),
    /** Three to five self-check questions, shown at the end of the page. */
    questions: z.array(questionSchema).min(3).max(5).optional(),
  });
