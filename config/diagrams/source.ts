/**
 * Reading one Mermaid source: its kind (from the header line), its accessible title and
 * description (`accTitle:` / `accDescr:`), and the lines left for the renderer, each with the
 * line it came from so an error can point at it.
 */

/** The diagram kinds the guide draws; every one has a line grammar in syntax.ts. */
export type DiagramKind = 'flowchart' | 'sequence' | 'class' | 'er' | 'state';

/** A line of the source, trimmed, with its 1-based line number within the block. */
export interface SourceLine {
  text: string;
  line: number;
}

export interface DiagramSource {
  kind: DiagramKind;
  /** `accTitle`: the SVG's <title>, its accessible name and the figure's caption. */
  title: string;
  /** `accDescr`: the SVG's <desc> and the rest of the caption. */
  description: string;
  /** The header line, e.g. "flowchart LR". */
  header: SourceLine;
  /** The lines after the header without comments, blank lines and the acc lines. */
  body: SourceLine[];
  /** The source as the renderer gets it: header and body, one per line. */
  text: string;
  /** The source as the author wrote it without the acc lines, for "Diagram as text". */
  shown: string;
}

/** A problem in a diagram, at a line of its block (1-based; 0 when it is about the whole block). */
export class DiagramError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'DiagramError';
    this.line = line;
  }
}

const HEADERS: [RegExp, DiagramKind][] = [
  [/^(?:flowchart|graph)\b/i, 'flowchart'],
  [/^sequenceDiagram$/, 'sequence'],
  [/^classDiagram$/, 'class'],
  [/^erDiagram$/, 'er'],
  [/^stateDiagram(?:-v2)?$/, 'state'],
];

const KINDS = 'flowchart (or graph), sequenceDiagram, classDiagram, erDiagram or stateDiagram-v2';

/** Splits a source into its kind, title, description and renderable lines; throws DiagramError. */
export function readSource(source: string): DiagramSource {
  const lines = source.split(/\r?\n/).map((text, index) => ({ text: text.trim(), line: index + 1 }));
  const content = lines.filter((l) => l.text !== '' && !l.text.startsWith('%%'));
  const header = content[0];
  if (!header) throw new DiagramError('the diagram is empty', 0);
  const kind = HEADERS.find(([pattern]) => pattern.test(header.text))?.[1];
  if (!kind) {
    throw new DiagramError(`unknown diagram type "${header.text}": start with ${KINDS}`, header.line);
  }

  let title: string | undefined;
  let description: string | undefined;
  const accLines = new Set<number>();
  const body: SourceLine[] = [];
  for (let i = 1; i < content.length; i++) {
    const current = content[i]!;
    const single = /^acc(Title|Descr)\s*:(.*)$/.exec(current.text);
    const block = /^accDescr\s*\{(.*)$/.exec(current.text);
    if (single) {
      const value = single[2]!.trim();
      if (value === '') throw new DiagramError(`acc${single[1]} has no text`, current.line);
      if (single[1] === 'Title') title = value;
      else description = value;
      accLines.add(current.line);
    } else if (block) {
      // accDescr { … } may span lines, up to the line that closes it.
      const parts = [block[1]!];
      accLines.add(current.line);
      while (!parts.at(-1)!.includes('}')) {
        const next = content[++i];
        if (!next) throw new DiagramError('accDescr { is never closed with }', current.line);
        parts.push(next.text);
        accLines.add(next.line);
      }
      const last = parts.at(-1)!;
      parts[parts.length - 1] = last.slice(0, last.indexOf('}'));
      description = parts.join(' ').replace(/\s+/g, ' ').trim();
    } else {
      body.push(current);
    }
  }
  if (!title) {
    throw new DiagramError('the diagram has no title: add an "accTitle: …" line after the header', header.line);
  }
  if (!description) {
    throw new DiagramError('the diagram has no description: add an "accDescr: …" line after accTitle', header.line);
  }
  if (body.length === 0) throw new DiagramError('the diagram has nothing in it after its title', header.line);

  const shown = dedent(
    source
      .split(/\r?\n/)
      .filter((_, index) => !accLines.has(index + 1))
      .join('\n'),
  );
  return {
    kind,
    title,
    description,
    header,
    body,
    text: [header, ...body].map((l) => l.text).join('\n'),
    shown,
  };
}

/** Removes the indentation every non-blank line shares, and blank lines at either end. */
function dedent(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = Math.min(...indents);
  return lines.map((l) => l.slice(common)).join('\n');
}
