// Prints the prose word count of each MDX file given (code blocks and frontmatter excluded).
// Usage: npm run words -- content/languages/*.mdx
import { readFileSync } from 'node:fs';
import { bodyModel, readEntryFile } from '../src/lib/markdown/index.ts';

for (const file of process.argv.slice(2)) {
  const { body } = readEntryFile(readFileSync(file, 'utf8'), file);
  console.log(`${String(bodyModel(body).words).padStart(5)}  ${file}`);
}
