/** The guide's one Markdown model: parse, collect, and write portable Markdown. */
export { parseMdx } from './parse.ts';
export {
  bodyModel,
  modelOf,
  plainText,
  type BodyHeading,
  type BodyLink,
  type BodyModel,
  type CodeBlock,
} from './model.ts';
export { markdownTwin, portableMarkdown, type Resolve, type TwinSource } from './twin.ts';
export { readEntryFile, type EntryFile } from './entry-file.ts';
