import type { CollectionName, ReferenceFactory } from './shared';
import { roleSchema } from './role';
import { languageSchema } from './language';
import { toolSchema } from './tool';
import { guideSchema } from './guide';
import { faqSchema } from './faq';

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
