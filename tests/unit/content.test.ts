import { describe, expect, it } from 'vitest';
import { loadContent } from '../support/content';
import { bodyModel } from '../../src/lib/markdown/index.ts';
import { findBrokenReferences, findFrameworkMismatches } from '../../src/lib/references';

const entries = loadContent();
const models = new Map(entries.map((e) => [e.filePath, bodyModel(e.body)]));
const words = (e: (typeof entries)[number]) => models.get(e.filePath)!.words;
const links = (e: (typeof entries)[number]) =>
  models
    .get(e.filePath)!
    .links.filter((l) => l.url.startsWith('/') && !l.url.startsWith('//'))
    .map((l) => l.url.split('#')[0]!);
const ids = (collection: string) => entries.filter((e) => e.collection === collection).map((e) => e.id);

/** What the content brief requires to exist, by id. */
const REQUIRED = {
  roles: ['backend-developer', 'frontend-developer', 'full-stack-developer'],
  languages: ['python', 'javascript', 'php', 'java', 'ruby', 'go'],
  tools: [
    'django',
    'flask',
    'express',
    'spring-boot',
    'laravel',
    'rails',
    'docker',
    'git',
    'jenkins',
    'postman',
    'vs-code',
    'aws',
    'azure',
    'postgresql',
    'mysql',
    'mongodb',
    'redis',
    'kafka',
    'mqtt',
    'wordpress',
  ],
  guides: [
    'what-is-backend-development',
    'getting-started',
    'data-handling',
    'apis',
    'architecture-and-trends',
    'career',
  ],
  faq: [
    'what-does-a-backend-developer-do',
    'popular-backend-languages',
    'is-backend-harder-than-frontend',
    'rest-vs-graphql',
    'do-backend-developers-use-databases',
    'can-one-person-do-both',
    'common-backend-tools',
    'is-backend-a-good-career',
  ],
} as const;

/** Minimum prose words per collection (FAQ has a range). */
const MIN_WORDS = { roles: 300, languages: 300, tools: 300, guides: 800, faq: 60 } as const;
const MAX_FAQ_WORDS = 200;

describe('content', () => {
  it.each(Object.entries(REQUIRED))('has every required %s entry', (collection, required) => {
    expect(ids(collection)).toEqual(expect.arrayContaining([...required]));
  });

  it('has at least 16 FAQ entries', () => {
    expect(ids('faq').length).toBeGreaterThanOrEqual(16);
  });

  it('references only entries that exist', () => {
    expect(findBrokenReferences(entries)).toEqual([]);
  });

  it('agrees on frameworks from both sides', () => {
    expect(findFrameworkMismatches(entries)).toEqual([]);
  });

  it('meets the minimum prose length of every entry', () => {
    const short = entries
      .filter((e) => words(e) < MIN_WORDS[e.collection])
      .map((e) => `${e.filePath}: ${words(e)} words, needs ${MIN_WORDS[e.collection]}`);
    expect(short).toEqual([]);
  });

  it('keeps FAQ answers short', () => {
    const long = entries
      .filter((e) => e.collection === 'faq' && words(e) > MAX_FAQ_WORDS)
      .map((e) => `${e.filePath}: ${words(e)} words, at most ${MAX_FAQ_WORDS}`);
    expect(long).toEqual([]);
  });

  it('gives every language and framework a code example', () => {
    const withoutCode = entries
      .filter((e) => e.collection === 'languages' || e.data['category'] === 'framework')
      .filter(
        (e) =>
          !models.get(e.filePath)!.codeBlocks.some((block) => block.lang !== '' && !block.meta.includes('partial')),
      )
      .map((e) => e.filePath);
    expect(withoutCode).toEqual([]);
  });

  it('links every FAQ answer to at least one entry', () => {
    const entryPath = /^\/(roles|languages|tools|guides|faq)\/[a-z0-9-]+\/$/;
    const unlinked = entries
      .filter((e) => e.collection === 'faq' && !links(e).some((link) => entryPath.test(link)))
      .map((e) => e.filePath);
    expect(unlinked).toEqual([]);
  });

  it('links only to pages that exist', () => {
    const pages = new Set([
      '/',
      '/faq/',
      '/roles/',
      '/languages/',
      '/tools/',
      '/guides/',
      '/compare/roles/',
      '/compare/languages/',
      '/search/',
      ...entries.map((e) => `/${e.collection}/${e.id}/`),
    ]);
    const broken = entries.flatMap((e) =>
      links(e)
        .filter((link) => !pages.has(link))
        .map((link) => `${e.filePath}: ${link}`),
    );
    expect(broken).toEqual([]);
  });
});
