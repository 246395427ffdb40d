/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Three projects, each a named step of `npm test`:
 * - unit: pure logic, schemas, src/content.ts with a mocked astro:content, the Markdown model.
 *   No build and no system toolchain: `npm run test:unit` is the fast inner loop.
 * - samples: every code block of content/ through its language's real toolchain.
 * - builds: bad content through the real content layer (`astro sync`, and two fixture builds).
 * getViteConfig gives the tests Astro's own Vite setup (aliases, virtual modules), as Starlight's do.
 */
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/code-samples.test.ts', 'tests/unit/bad-content.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'samples', include: ['tests/unit/code-samples.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        // Fixture builds run Astro in a child process, one at a time.
        test: {
          name: 'builds',
          include: ['tests/unit/bad-content.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
