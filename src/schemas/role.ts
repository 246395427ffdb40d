import { z } from 'astro/zod';
import { baseEntry, type ReferenceFactory } from './shared.ts';

/** A job in software development, compared side by side on the roles page. */
export const roleSchema = (ref: ReferenceFactory) =>
  baseEntry(ref).extend({
    /** Discriminator, filled in by the schema; authors leave it out. */
    type: z.literal('role').default('role'),
    /** What the role centres on, in a short phrase (e.g. "Server, database and application logic"). */
    focus: z.string().trim().min(3).max(120),
    /** How much of the role's work users see directly, in a short phrase. */
    visibility: z.string().trim().min(3).max(120),
    /** Languages of the role that have their own page in the guide. */
    languages: z.array(ref('languages')).default([]),
    /** Languages of the role without a page of their own (e.g. HTML, CSS). */
    otherLanguages: z.array(z.string().trim().min(1)).default([]),
    /** Frameworks of the role that have a page in the guide. */
    frameworks: z.array(ref('tools')).default([]),
    /** Frameworks of the role without a page of their own (e.g. React). */
    otherFrameworks: z.array(z.string().trim().min(1)).default([]),
    /** Everyday tools of the role that have a page in the guide. */
    tools: z.array(ref('tools')).default([]),
    /** Everyday tools of the role without a page of their own (e.g. Figma). */
    otherTools: z.array(z.string().trim().min(1)).default([]),
    /** The role's main responsibilities, one short line each. */
    responsibilities: z.array(z.string().trim().min(3)).min(3),
    /** The skills the role needs, one short line each. */
    skills: z.array(z.string().trim().min(3)).min(3),
  });

/** Frontmatter of a role after parsing. */
export type RoleData = z.output<ReturnType<typeof roleSchema>>;
