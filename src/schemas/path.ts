import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './shared.ts';

const TOPIC = new RegExp(`^(${COLLECTIONS.join('|')})/([a-z0-9]+(?:-[a-z0-9]+)*)$`);

/**
 * An entry on a path, written "collection/id" ("guides/apis"). Checked for existence after
 * loading (src/lib/learning-path.ts), like every other reference, so a typo names the file.
 */
export const topicRefSchema = z
  .string()
  .trim()
  .regex(TOPIC, 'a topic is "collection/id", like "guides/apis" or "tools/git"')
  .transform((value) => {
    const [collection, id] = value.split('/') as [CollectionName, string];
    return { collection, id };
  });

/** One topic of a stage: "guides/apis", or `{ entry: guides/apis, optional: true }`. */
export const topicSchema = z.union([
  topicRefSchema.transform((entry) => ({ entry, optional: false })),
  z.strictObject({
    /** The entry, as "collection/id". */
    entry: topicRefSchema,
    /** An optional topic is worth studying but not needed for what follows. Default false. */
    optional: z.boolean().default(false),
  }),
]);

/** A topic after parsing. */
export type PathTopic = z.output<typeof topicSchema>;

/** One stage of a path: a milestone a learner reaches by studying its topics in order. */
export const stageSchema = z.strictObject({
  /** Stage heading, without its number ("APIs"); the page numbers the stages. */
  title: z.string().trim().min(2).max(80),
  /** One or two sentences on what the learner can do after this stage. */
  summary: z.string().trim().min(20).max(300),
  /** The stage's topics, in the order to study them. */
  topics: z.array(topicSchema).min(1).max(30),
});

/** A stage after parsing. */
export type PathStage = z.output<typeof stageSchema>;

/** A learning path: a route through existing entries, stage by stage, in the order to study them. */
export const pathSchema = z.strictObject({
  /** Page title and the path's name wherever it is linked ("From zero to backend developer"). */
  title: z.string().trim().min(2).max(90),
  /** One or two sentences for lists and the meta description: who the path is for. */
  description: z.string().trim().min(40).max(200),
  /** Position among the paths, lowest first; the first path is the one the home page offers. Default 100. */
  order: z.number().int().min(0).default(100),
  /** A draft renders under `npm run dev` only and is left out of a production build. Default false. */
  draft: z.boolean().default(false),
  /** The stages, in order; a topic must come after every prerequisite of it that is on the same path. */
  stages: z.array(stageSchema).min(1).max(20),
});

/** Frontmatter of a path after parsing. */
export type PathData = z.output<typeof pathSchema>;
