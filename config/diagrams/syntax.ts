/**
 * The line grammar of each diagram kind, as beautiful-mermaid reads it. Its parsers skip any
 * line they do not understand (a typo'd arrow, a dangling `A -->`, an unknown keyword), which
 * would draw a diagram with a part quietly missing; here each line must be one the renderer
 * draws, or the build fails naming that line. The patterns follow the renderer's own parsers
 * (beautiful-mermaid 1.1, src/parser.ts, sequence/, class/ and er/parser.ts).
 */
import { DiagramError, type DiagramSource, type SourceLine } from './source.ts';

/** A line's problem, or undefined when the line is fine. */
type LineCheck = (line: SourceLine, blocks: Block[]) => string | undefined;

/** An open block (subgraph, loop, class body…) and the line that opened it. */
interface Block {
  kind: string;
  line: number;
}

const STYLING = /^(?:classDef|class|style|linkStyle)\s/;
// In a class diagram `class X` declares a class; the styling keywords are the others.
const CLASS_STYLING = /^(?:classDef|cssClass|style|linkStyle)\s/;
const STYLING_MESSAGE =
  'styling lines (classDef, class, style, linkStyle) are not allowed: colours come from the site so they work in light and dark';

// --- Flowchart ----------------------------------------------------------------------------------

const ARROW = /^(<)?(-->|-\.->|==>|---|-\.-|===)(?:\|([^|]*)\|)?/;
const TEXT_ARROW = /^(<)?(--|-\.|==)\s+(.+?)\s+(-->|---|\.->|-\.-|==>|===)/;
const NODE_SHAPES = [
  /^([\w-]+)\(\(\((.+?)\)\)\)/,
  /^([\w-]+)\(\[(.+?)\]\)/,
  /^([\w-]+)\(\((.+?)\)\)/,
  /^([\w-]+)\[\[(.+?)\]\]/,
  /^([\w-]+)\[\((.+?)\)\]/,
  /^([\w-]+)\[\/(.+?)\\\]/,
  /^([\w-]+)\[\\(.+?)\/\]/,
  /^([\w-]+)>(.+?)\]/,
  /^([\w-]+)\{\{(.+?)\}\}/,
  /^([\w-]+)\[(.+?)\]/,
  /^([\w-]+)\((.+?)\)/,
  /^([\w-]+)\{(.+?)\}/,
];
const BARE_NODE = /^([\w-]+)/;

/** The length of the node at the start of `text` (with its shape and label), or 0. */
function nodeLength(text: string): number {
  for (const shape of NODE_SHAPES) {
    const match = shape.exec(text);
    if (match) return match[0].length;
  }
  const bare = BARE_NODE.exec(text);
  // The renderer reads "A--" in "A-->B" as a node id: arrows need spaces around them.
  if (bare && bare[1]!.endsWith('--')) return -1;
  return bare ? bare[0].length : 0;
}

/** Consumes "A & B[Label] & C"; returns what is left, or undefined when no node starts `text`. */
function nodeGroup(text: string): string | undefined {
  let rest = text;
  for (;;) {
    const length = nodeLength(rest);
    if (length <= 0) return undefined;
    rest = rest.slice(length).trimStart();
    if (!rest.startsWith('&')) return rest;
    rest = rest.slice(1).trimStart();
  }
}

function flowchartEdgeLine(text: string): string | undefined {
  let rest = nodeGroup(text);
  if (rest === undefined) {
    return nodeLength(text) < 0
      ? 'put spaces around the arrow ("A --> B"): the renderer reads "A--" as a node'
      : 'not a node, an edge or a keyword the renderer knows';
  }
  while (rest !== '') {
    const arrow = ARROW.exec(rest) ?? TEXT_ARROW.exec(rest);
    if (!arrow) return `unexpected "${rest}": expected an arrow (-->, ---, -.->, ==>) or the end of the line`;
    rest = rest.slice(arrow[0].length).trimStart();
    if (rest === '') return `the arrow "${arrow[0].trim()}" points to nothing`;
    const next = nodeGroup(rest);
    if (next === undefined) return `"${rest}" after the arrow is not a node`;
    rest = next;
  }
  return undefined;
}

const flowchart: LineCheck = ({ text, line }, blocks) => {
  const statement = text.replace(/;$/, '').trim();
  if (STYLING.test(statement)) return STYLING_MESSAGE;
  if (/^subgraph\s+\S/.test(statement)) {
    blocks.push({ kind: 'subgraph', line });
    return undefined;
  }
  if (statement === 'end') {
    return blocks.pop() ? undefined : '"end" without a subgraph to close';
  }
  if (/^direction\s+(TD|TB|LR|BT|RL)$/i.test(statement)) {
    return blocks.length > 0 ? undefined : 'direction goes in the header ("flowchart LR") outside a subgraph';
  }
  if (statement.includes(':::')) return STYLING_MESSAGE;
  return flowchartEdgeLine(statement);
};

// --- State diagram ------------------------------------------------------------------------------

const STATE_ID = String.raw`(?:\[\*\]|[\w\p{L}-]+)`;
const STATE_LINES = [
  /^direction\s+(TD|TB|LR|BT|RL)$/iu,
  /^state\s+"[^"]+"\s+as\s+[\w\p{L}]+$/u,
  new RegExp(`^${STATE_ID}\\s*-->\\s*${STATE_ID}(?:\\s*:\\s*.+)?$`, 'u'),
  /^[\w\p{L}-]+\s*:\s*.+$/u,
];

const state: LineCheck = ({ text, line }, blocks) => {
  if (STYLING.test(text)) return STYLING_MESSAGE;
  if (/^state\s+(?:"[^"]+"\s+as\s+)?[\w\p{L}]+\s*\{$/u.test(text)) {
    blocks.push({ kind: 'state', line });
    return undefined;
  }
  if (text === '}') return blocks.pop() ? undefined : '"}" without a composite state to close';
  if (STATE_LINES.some((pattern) => pattern.test(text))) return undefined;
  if (/^\S+\s*-->\s*$/.test(text)) return 'the transition points to nothing';
  return 'not a state, a transition ("A --> B : label") or a keyword the renderer knows';
};

// --- Sequence diagram ---------------------------------------------------------------------------

const MESSAGE = /^(\S+?)\s*(--?>?>|--?[)x]|--?>>|--?>)\s*([+-]?)(\S+?)\s*:\s*(.+)$/;
const SEQUENCE_LINES = [
  /^(participant|actor)\s+(\S+?)(?:\s+as\s+(.+))?$/,
  /^Note\s+(left of|right of|over)\s+([^:]+):\s*(.+)$/i,
  /^(?:activate|deactivate)\s+\S+$/,
  /^autonumber\b/,
  MESSAGE,
];

const sequence: LineCheck = ({ text, line }, blocks) => {
  if (/^(loop|alt|opt|par|critical|break|rect)\b/.test(text)) {
    blocks.push({ kind: text.split(/\s/)[0]!, line });
    return undefined;
  }
  if (/^(else|and)\b/.test(text)) {
    const open = blocks.at(-1)?.kind;
    const fits = text.startsWith('else') ? open === 'alt' : open === 'par';
    return fits ? undefined : `"${text.split(/\s/)[0]}" outside the block it belongs to (alt or par)`;
  }
  if (text === 'end') return blocks.pop() ? undefined : '"end" without a loop, alt, opt or par to close';
  if (SEQUENCE_LINES.some((pattern) => pattern.test(text))) return undefined;
  if (/^\S+?\s*(--?>?>|--?[)x]|--?>)\s*\S+\s*$/.test(text)) return 'a message needs a label: "A->>B: text"';
  if (/^\S+?\s*(--?>?>|--?[)x]|--?>)\s*(:|$)/.test(text)) return 'the message points to nobody';
  return 'not a participant, a message ("A->>B: text"), a note or a keyword the renderer knows';
};

// --- Class diagram ------------------------------------------------------------------------------

const RELATIONSHIP =
  /^(\S+?)\s+(?:"([^"]*?)"\s+)?(<\|--|<\|\.\.|\*--|o--|-->|--\*|--o|--\|>|\.\.>|\.\.\|>|<--|<\.\.?|--)\s+(?:"([^"]*?)"\s+)?(\S+?)(?:\s*:\s*(.+))?$/;
const RELATIONSHIP_ARROWS = new Set([
  '<|--',
  '--|>',
  '<|..',
  '..|>',
  '*--',
  '--*',
  'o--',
  '--o',
  '-->',
  '<--',
  '..>',
  '<..',
  '--',
]);

const classDiagram: LineCheck = ({ text, line }, blocks) => {
  const open = blocks.at(-1)?.kind;
  if (open === 'class') {
    if (text === '}') blocks.pop();
    // Inside a class body every line is a member or an <<annotation>>.
    return undefined;
  }
  if (CLASS_STYLING.test(text)) return STYLING_MESSAGE;
  if (/^namespace\s+\S+\s*\{$/.test(text)) {
    blocks.push({ kind: 'namespace', line });
    return undefined;
  }
  if (/^class\s+\S+?(?:\s*~\w+~)?\s*\{$/.test(text)) {
    blocks.push({ kind: 'class', line });
    return undefined;
  }
  if (text === '}') return blocks.pop() ? undefined : '"}" without a class or namespace to close';
  if (/^class\s+\S+?(?:\s*~\w+~)?\s*$/.test(text) || /^class\s+\S+?\s*\{\s*<<\w+>>\s*\}$/.test(text)) {
    return undefined;
  }
  const relationship = RELATIONSHIP.exec(text);
  if (relationship && RELATIONSHIP_ARROWS.has(relationship[3]!)) return undefined;
  const member = /^(\S+?)\s*:\s*(.+)$/.exec(text);
  if (member && !/<\|--|--|\*--|o--|-->|\.\.>|\.\.\|>/.test(member[2]!)) return undefined;
  return 'not a class, a member ("Class : +field") or a relationship ("A <|-- B") the renderer knows';
};

// --- Entity-relationship diagram ----------------------------------------------------------------

/** One, zero or one, one or more, zero or more: the symbols sorted, as the renderer compares them. */
const CARDINALITIES = new Set(['||', 'o|', '|}', '{|', 'o{']);

const sorted = (symbols: string) => [...symbols].sort().join('');

const er: LineCheck = ({ text, line }, blocks) => {
  if (blocks.length > 0) {
    if (text === '}') {
      blocks.pop();
      return undefined;
    }
    return /^\S+\s+\S+(?:\s+.+)?$/.test(text)
      ? undefined
      : 'an attribute is "type name", optionally with PK, FK or a "comment"';
  }
  if (/^\S+\s*\{$/.test(text)) {
    blocks.push({ kind: 'entity', line });
    return undefined;
  }
  const relationship = /^(\S+)\s+([|o}{]+)(--|\.\.)([|o}{]+)\s+(\S+)\s*:\s*(.+)$/.exec(text);
  if (relationship) {
    const [, , left, , right] = relationship;
    const bad = [left!, right!].find((symbols) => !CARDINALITIES.has(sorted(symbols)));
    return bad ? `unknown cardinality "${bad}": use ||, |o, }|, o{ and their mirror images` : undefined;
  }
  if (/^(\S+)\s+[|o}{]+(?:--|\.\.)[|o}{]+\s+(\S+)\s*$/.test(text))
    return 'a relationship needs a label: "A ||--o{ B : has"';
  return 'not an entity ("NAME {") or a relationship ("A ||--o{ B : label") the renderer knows';
};

const CHECKS: Record<DiagramSource['kind'], LineCheck> = { flowchart, state, sequence, class: classDiagram, er };

/** Throws DiagramError at the first line the renderer would not draw, or at a block left open. */
export function checkSyntax(source: DiagramSource): void {
  if (source.kind === 'flowchart' && !/^(?:flowchart|graph)\s+(TD|TB|LR|BT|RL)$/i.test(source.header.text)) {
    throw new DiagramError(
      `"${source.header.text}" needs a direction: flowchart TD, TB, LR, BT or RL`,
      source.header.line,
    );
  }
  const blocks: Block[] = [];
  const check = CHECKS[source.kind];
  for (const line of source.body) {
    const problem = check(line, blocks);
    if (problem) throw new DiagramError(`${problem}: "${line.text}"`, line.line);
  }
  const unclosed = blocks.at(-1);
  if (unclosed) {
    const closer = source.kind === 'flowchart' || source.kind === 'sequence' ? '"end"' : '"}"';
    throw new DiagramError(`this ${unclosed.kind} is never closed with ${closer}`, unclosed.line);
  }
}
