// Prints the prose word count of each MDX file given (code blocks and frontmatter excluded).
// Usage: npm run words -- content/languages/*.mdx
import { readFileSync } from 'node:fs';
import { proseWordCount } from '../src/lib/prose.ts';

for (const file of process.argv.slice(2)) {
  const body = readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
  console.log(`${String(proseWordCount(body)).padStart(5)}  ${file}`);
}
