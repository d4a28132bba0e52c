/**
 * Edits one field of a content file's frontmatter in place, leaving every other byte as it was:
 * comments, quoting styles, key order, blank lines, CRLF line endings, the notes. The `yaml` package's
 * concrete syntax tree says where the field is written (`keepSourceTokens`, node ranges); only that
 * stretch of the text is replaced. Every edit is checked by reading the file back: it must hold
 * exactly the data it held before, with only the edited field changed, or nothing is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import { CST, isMap, isScalar, parseDocument, type Document, type Pair, type Scalar } from 'yaml';
import { isSyntaxError, parseContentFile } from '../content/frontmatter.ts';

/** Thrown when a file cannot be edited without touching more than the field; the message says why. */
export class YamlEditError extends Error {}

interface Frontmatter {
  /** Offsets of the YAML text in the file: after the opening `---` line, up to the closing one. */
  start: number;
  end: number;
  /** The file's line ending, as its opening line has it. */
  newline: '\n' | '\r\n';
}

export function frontmatterSpan(source: string): Frontmatter {
  const opening = /^\uFEFF?---[^\S\r\n]*(\r?\n)/.exec(source);
  if (!opening) throw new YamlEditError('the file does not start with a "---" frontmatter line');
  const start = opening[0].length;
  for (let lineStart = start; lineStart <= source.length;) {
    const lineBreak = source.indexOf('\n', lineStart);
    const line = source.slice(lineStart, lineBreak === -1 ? source.length : lineBreak).replace(/\r$/, '');
    if (/^---[^\S\n]*$/.test(line)) return { start, end: lineStart, newline: opening[1] === '\r\n' ? '\r\n' : '\n' };
    if (lineBreak === -1) break;
    lineStart = lineBreak + 1;
  }
  throw new YamlEditError('the frontmatter is not closed by a "---" line');
}

function readData(source: string): Record<string, unknown> {
  const parsed = parseContentFile(source);
  if (isSyntaxError(parsed)) throw new YamlEditError(`line ${parsed.line}: ${parsed.message}`);
  return parsed.data;
}

function parseFrontmatter(source: string): { span: Frontmatter; doc: Document } {
  const span = frontmatterSpan(source);
  const doc = parseDocument(source.slice(span.start, span.end), { keepSourceTokens: true, uniqueKeys: true });
  if (doc.errors.length) throw new YamlEditError(`the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  return { span, doc };
}

/** `before` with `source[from, to)` replaced; refused unless the file then reads as `expected`. */
function splice(source: string, from: number, to: number, text: string, expected: Record<string, unknown>): string {
  const edited = source.slice(0, from) + text + source.slice(to);
  let data: Record<string, unknown>;
  try {
    data = readData(edited);
  } catch {
    throw new YamlEditError('the edit would not leave valid frontmatter');
  }
  if (!isDeepStrictEqual(data, expected)) throw new YamlEditError('the edit would change more than the field');
  return edited;
}

/** Lone `\n` as `\r\n` in a CRLF file, so an edit keeps the file's line endings. */
const withNewline = (text: string, newline: string) => (newline === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text);

/** Where the scalar at `path` is written, as a CST token. */
function scalarToken(doc: Document, path: readonly (string | number)[]): CST.Token {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string') throw new YamlEditError(`${path.join('.')} is not text in this file`);
  const token = (node as Scalar & { srcToken?: CST.Token }).srcToken;
  if (!token || !('offset' in token)) throw new YamlEditError(`cannot find where ${path.join('.')} is written`);
  return token;
}

/**
 * A one-line value in the same block scalar style (`>-`, `|`, …): the header line kept, the value on
 * the next line at the indentation the old content had. Undefined when that is not possible.
 */
function blockScalarText(original: string, value: string): string | undefined {
  const header = /^[|>][^\n]*\n/.exec(original);
  const indent = /\n([ ]+)\S/.exec(original)?.[1];
  const keepsFinalNewline = !/^[|>][0-9]*-/.test(original);
  const line = keepsFinalNewline ? value.replace(/\n$/, '') : value;
  if (!header || !indent || line.includes('\n') || line !== line.trim()) return undefined;
  return `${header[0]}${indent}${line}\n`;
}

/**
 * The file with the text field at `path` (`['quotes', 2]`) set to `value`, written in the style it
 * had (plain, single- or double-quoted, block) where that style can hold the new text, else
 * double-quoted. Trailing comments on its line stay.
 */
export function replaceScalar(source: string, path: readonly (string | number)[], value: string): string {
  const { span, doc } = parseFrontmatter(source);
  const expected = structuredClone(readData(source));
  let target: unknown = expected;
  for (const key of path.slice(0, -1)) target = (target as Record<string | number, unknown>)[key];
  (target as Record<string | number, unknown>)[path.at(-1)!] = value;

  const token = scalarToken(doc, path);
  const from = span.start + (token as { offset: number }).offset;
  const original = CST.stringify(token);
  if (source.slice(from, from + original.length) !== original) throw new YamlEditError('the file changed while being read');
  const attempts: (() => string | undefined)[] = [
    () => (token.type === 'block-scalar' ? blockScalarText(original, value) : undefined),
    () => {
      const copy = structuredClone(token);
      CST.setScalarValue(copy, value);
      return CST.stringify(copy);
    },
    () => {
      const copy = structuredClone(token);
      CST.setScalarValue(copy, value, { type: 'QUOTE_DOUBLE' });
      return CST.stringify(copy);
    },
  ];
  let lastError: unknown;
  for (const attempt of attempts) {
    const text = attempt();
    if (text === undefined) continue;
    try {
      return splice(source, from, from + original.length, withNewline(text, span.newline), expected);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof YamlEditError ? lastError : new YamlEditError(`cannot rewrite ${path.join('.')} in place`);
}

function topLevelPair(doc: Document, key: string): Pair | undefined {
  if (!isMap(doc.contents)) return undefined;
  return doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

const lineStartOf = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** The file without the top-level field `key` (its lines, and a comment at the end of its last line); unchanged when absent. */
export function removeTopLevelField(source: string, key: string): string {
  const { span, doc } = parseFrontmatter(source);
  const pair = topLevelPair(doc, key);
  if (!pair) return source;
  const keyRange = (pair.key as Scalar).range!;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range ?? keyRange;
  const from = lineStartOf(source, span.start + keyRange[0]);
  let to = span.start + valueRange[2];
  if (source[to - 1] !== '\n') {
    const lineBreak = source.indexOf('\n', to);
    to = lineBreak === -1 ? span.end : lineBreak + 1;
  }
  const { [key]: _removed, ...expected } = readData(source);
  return splice(source, from, Math.min(to, span.end), '', expected);
}

/**
 * The file with `key` added as the last field, written as `lines` (no line endings; the file's own
 * are used). Refused when the field is already there or the frontmatter is not a block of fields.
 */
export function appendTopLevelField(source: string, key: string, value: unknown, lines: readonly string[]): string {
  const { span, doc } = parseFrontmatter(source);
  if (topLevelPair(doc, key)) throw new YamlEditError(`${key} is already set`);
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow))
    throw new YamlEditError('the frontmatter is not written as one field per line');
  const expected = { ...readData(source), [key]: value };
  const text = lines.map((line) => `${line}${span.newline}`).join('');
  return splice(source, span.end, span.end, text, expected);
}
