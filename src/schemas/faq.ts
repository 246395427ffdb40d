import { z } from 'astro/zod';
import { baseEntry, type ReferenceFactory } from './shared.ts';

/** A question learners ask, answered briefly; the title is the question. */
export const faqSchema = (ref: ReferenceFactory) =>
  baseEntry(ref).extend({
    /** Discriminator, filled in by the schema; authors leave it out. */
    type: z.literal('faq').default('faq'),
  });

/** Frontmatter of an FAQ entry after parsing. */
export type FaqData = z.output<ReturnType<typeof faqSchema>>;
