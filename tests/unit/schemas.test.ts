import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { faqSchema, guideSchema, languageSchema, roleSchema, toolSchema } from '../../src/schemas';
import { testRef } from '../support/entries';

const language = {
  title: 'Python',
  description: 'A readable, batteries-included language used for web backends and data work.',
  typing: 'dynamic',
  paradigms: ['object-oriented'],
  concurrency: 'asyncio event loop',
  firstReleased: 1991,
  packageManager: 'pip and PyPI',
  runtime: 'CPython',
  frameworks: ['django'],
  useCases: ['Web APIs'],
  website: 'https://www.python.org/',
};
const tool = {
  title: 'Django',
  description: 'A high-level Python web framework with an ORM, admin and authentication built in.',
  category: 'framework',
  languages: ['python'],
  firstReleased: 2005,
  maintainer: 'Django Software Foundation',
  license: 'BSD-3-Clause',
  website: 'https://www.djangoproject.com/',
};

/** The first issue's path and message of a failed parse. */
function issue(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message };
}

describe('language schema', () => {
  const schema = languageSchema(testRef);

  it('accepts a complete entry and fills in defaults', () => {
    const parsed = schema.parse(language);
    expect(parsed.type).toBe('language');
    expect(parsed.order).toBe(100);
    expect(parsed.draft).toBe(false);
    expect(parsed.frameworks).toEqual([{ collection: 'tools', id: 'django' }]);
    expect(parsed.related).toEqual({ roles: [], languages: [], tools: [], guides: [], faq: [] });
  });

  it('rejects a missing required field by name', () => {
    const { typing: _omit, ...rest } = language;
    expect(issue(schema, rest).path).toBe('typing');
  });

  it('rejects a typing value outside the enum', () => {
    expect(issue(schema, { ...language, typing: 'duck' }).path).toBe('typing');
  });

  it('rejects a language without frameworks', () => {
    expect(issue(schema, { ...language, frameworks: [] }).path).toBe('frameworks');
  });

  it('rejects unknown fields instead of dropping them', () => {
    expect(issue(schema, { ...language, typo: 1 }).message).toMatch(/typo/);
  });

  it('rejects an implausible release year', () => {
    expect(issue(schema, { ...language, firstReleased: 199 }).path).toBe('firstReleased');
  });
});

describe('tool schema', () => {
  const schema = toolSchema(testRef);

  it('accepts a framework that names its language', () => {
    expect(schema.parse(tool).languages).toEqual([{ collection: 'languages', id: 'python' }]);
  });

  it('rejects a category outside the closed list', () => {
    expect(issue(schema, { ...tool, category: 'banana' }).path).toBe('category');
  });

  it('rejects a framework with no language', () => {
    expect(issue(schema, { ...tool, languages: [] })).toEqual({
      path: 'languages',
      message: 'a framework must name its language in `languages`',
    });
  });

  it('lets non-framework tools leave languages out', () => {
    expect(schema.parse({ ...tool, category: 'database', languages: undefined }).languages).toEqual([]);
  });
});

describe('role, guide and faq schemas', () => {
  const base = {
    title: 'Backend developer',
    description: 'Builds the server side: APIs, data, authentication and deployment.',
  };

  it('requires responsibilities and skills on a role', () => {
    const role = { ...base, focus: 'Server', visibility: 'Hidden', responsibilities: ['a b c'], skills: ['x y z'] };
    expect(issue(roleSchema(testRef), role).path).toBe('responsibilities');
  });

  it('accepts related entries grouped by collection', () => {
    const parsed = guideSchema(testRef).parse({ ...base, related: { tools: ['git'] } });
    expect(parsed.related.tools).toEqual([{ collection: 'tools', id: 'git' }]);
  });

  it('rejects a related group that is not a collection', () => {
    expect(issue(faqSchema(testRef), { ...base, related: { blogs: ['x'] } }).message).toMatch(/blogs/);
  });

  it('rejects a description too short for search results', () => {
    expect(issue(faqSchema(testRef), { ...base, description: 'Short.' }).path).toBe('description');
  });
});
