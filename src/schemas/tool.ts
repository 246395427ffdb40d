import { z } from 'astro/zod';
import { baseEntry, yearSchema, type ReferenceFactory } from './shared.ts';

/** The closed set of tool categories, in the order the tools index shows them. */
export const TOOL_CATEGORIES = [
  'framework',
  'database',
  'containers',
  'version-control',
  'ci-cd',
  'api-client',
  'editor',
  'cloud',
  'messaging',
  'orchestration',
  'web-server',
  'observability',
  'search',
  'infrastructure',
  'testing',
  'cms',
] as const;

/** One tool category. */
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

/** A framework, database, service or program backend developers use. */
export const toolSchema = (ref: ReferenceFactory) =>
  baseEntry(ref)
    .extend({
      /** Discriminator, filled in by the schema; authors leave it out. */
      type: z.literal('tool').default('tool'),
      /** Which kind of tool this is; one of TOOL_CATEGORIES. */
      category: z.enum(TOOL_CATEGORIES),
      /** Languages the tool is written for or serves; a framework names its language here. */
      languages: z.array(ref('languages')).default([]),
      /** Year of the first public release. */
      firstReleased: yearSchema,
      /** Who develops and maintains it today. */
      maintainer: z.string().trim().min(2).max(80),
      /** Licence in a few words (e.g. "MIT", "Proprietary service"). */
      license: z.string().trim().min(2).max(60),
      /** The tool's official home page. */
      website: z.url(),
    })
    .refine((tool) => tool.category !== 'framework' || tool.languages.length > 0, {
      message: 'a framework must name its language in `languages`',
      path: ['languages'],
    });

/** Frontmatter of a tool after parsing. */
export type ToolData = z.output<ReturnType<typeof toolSchema>>;
