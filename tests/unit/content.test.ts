// The content against the brief: the entries it names exist, the guide has the size it asks
// for, and every entry keeps the authoring rules the build enforces (src/lib/content-rules.ts).
import { describe, expect, it } from 'vitest';
import { findRuleProblems } from '../../src/lib/content-rules';
import { contentFiles } from '../support/entries';

const entries = contentFiles().filter((e) => e.data['draft'] !== true);
const ids = (collection: string) => entries.filter((e) => e.collection === collection).map((e) => e.id);

/** What the content brief requires to exist, by id. */
const REQUIRED = {
  roles: ['backend-developer', 'frontend-developer', 'full-stack-developer'],
  languages: ['python', 'javascript', 'php', 'java', 'ruby', 'go', 'csharp'],
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
    'aspnet-core',
    'fastapi',
    'github-actions',
    'kubernetes',
    'nginx',
    'rabbitmq',
    'opentelemetry',
    'elasticsearch',
  ],
  guides: [
    'what-is-backend-development',
    'getting-started',
    'data-handling',
    'apis',
    'architecture-and-trends',
    'career',
    'how-the-web-works',
    'linux-and-the-terminal',
    'web-security',
    'authentication-and-authorization',
    'testing-backends',
    'databases-at-scale',
    'caching',
    'observability',
    'scaling-and-resilience',
    'queues-and-background-jobs',
    'deploying-and-operating',
    'architecture-and-design',
    'real-time',
    'ai-in-the-backend',
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

describe('content', () => {
  it.each(Object.entries(REQUIRED))('has every required %s entry', (collection, required) => {
    expect(ids(collection)).toEqual(expect.arrayContaining([...required]));
  });

  it('has at least 110 entries and 16 FAQ answers', () => {
    expect(entries.length).toBeGreaterThanOrEqual(110);
    expect(ids('faq').length).toBeGreaterThanOrEqual(16);
  });

  it('keeps the authoring rules on every entry', () => {
    expect(findRuleProblems(entries)).toEqual([]);
  });

  it('gives every entry a level, a study time and three to five self-check questions', () => {
    const missing = entries
      .filter((e) => !e.data['level'] || !e.data['studyMinutes'] || !Array.isArray(e.data['questions']))
      .map((e) => e.filePath);
    expect(missing).toEqual([]);
  });
});
