/**
 * Components content can use without importing them: every page that renders an
 * entry's <Content /> passes this map, so `<CodeTabs>` works in any .mdx file.
 */
import CodeTabs from './CodeTabs.astro';

export const mdxComponents = { CodeTabs };
