import type { CollectionName, ReferenceFactory } from './shared.ts';
import { roleSchema } from './role.ts';
import { languageSchema } from './language.ts';
import { toolSchema } from './tool.ts';
import { guideSchema } from './guide.ts';
import { faqSchema } from './faq.ts';

/** The schema factory of each collection. */
export const SCHEMAS = {
  roles: roleSchema,
  languages: languageSchema,
  tools: toolSchema,
  guides: guideSchema,
  faq: faqSchema,
} as const satisfies Record<CollectionName, (ref: ReferenceFactory) => unknown>;

/** The schema of `collection`, built with the given reference factory. */
export function schemaFor(collection: CollectionName, ref: ReferenceFactory) {
  return SCHEMAS[collection](ref);
}
