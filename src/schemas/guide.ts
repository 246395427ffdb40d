import { z } from 'astro/zod';
import { baseEntry, type ReferenceFactory } from './shared.ts';

/** A long-form chapter that explains a topic and links into the collections. */
export const guideSchema = (ref: ReferenceFactory) =>
  baseEntry(ref).extend({
    /** Discriminator, filled in by the schema; authors leave it out. */
    type: z.literal('guide').default('guide'),
  });

/** Frontmatter of a guide after parsing. */
export type GuideData = z.output<ReturnType<typeof guideSchema>>;
