/** schema.org JSON-LD built from the guide's data; pages pass absolute URLs. */

const CONTEXT = 'https://schema.org';

/** BreadcrumbList for a trail of named, absolute URLs. */
export function breadcrumbList(trail: readonly { name: string; url: string }[]) {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** TechArticle for an entry page. */
export function techArticle(article: {
  headline: string;
  description: string;
  url: string;
  section: string;
  dateModified?: string;
}) {
  return {
    '@context': CONTEXT,
    '@type': 'TechArticle',
    headline: article.headline,
    description: article.description,
    url: article.url,
    mainEntityOfPage: article.url,
    articleSection: article.section,
    inLanguage: 'en',
    ...(article.dateModified ? { dateModified: article.dateModified } : {}),
    publisher: { '@type': 'Organization', name: 'The Backend Developer Guide' },
  };
}

/** Serialises JSON-LD for a <script> element; "<" is escaped so content can never close the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
