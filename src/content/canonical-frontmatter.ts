/**
 * A fast path for the one layout `npm run new` and `npm run import` write (src/content/entry-file.ts):
 * `key: value` lines, JSON-quoted strings, `  - item` lists and one level of `  key: value` maps.
 * It reads such a file line by line, about four times faster than a full YAML parse, and gives up
 * (returns undefined) on anything else — comments, other quoting, flow lists, block scalars, a value
 * YAML might read as something other than a plain string — so the full parser decides those. A test
 * proves both paths agree on every file they both read.
 */
import type { ParsedFile } from './parsed-file.ts';

type Value = string | number | Value[] | { [key: string]: Value };

// `s`: a value may hold U+2028/U+2029, which `.` would not match.
const KEY_LINE = /^([a-z][A-Za-z0-9_]*):(?: (.*))?$/s;
const NESTED_KEY_LINE = /^ {2}([a-z][A-Za-z0-9_]*): (.+)$/s;
const LIST_ITEM = /^ {2}- (.+)$/s;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Words YAML 1.2 reads as something other than a string. */
const NOT_STRINGS = new Set(['true', 'false', 'null', 'True', 'False', 'Null', 'TRUE', 'FALSE', 'NULL']);

/** A scalar as YAML 1.2 (core schema) would read it, or undefined when that is not certain here. */
function scalar(raw: string): string | number | undefined {
  if (raw.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (NUMBER.test(raw)) return Number(raw);
  if (DATE.test(raw)) return raw;
  if (/^[a-z][a-z0-9-]*$/.test(raw) && !NOT_STRINGS.has(raw)) return raw;
  return undefined;
}

/** Reads `text` (BOM removed, `\n` line endings) when it is in the canonical layout. */
export function parseCanonicalFile(text: string): ParsedFile | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const close = text.indexOf('\n---\n', 3) >= 0 ? text.indexOf('\n---\n', 3) : text.endsWith('\n---') ? text.length - 4 : -1;
  if (close < 0) return undefined;
  const lines = text.slice(4, close).split('\n');
  if (lines.length === 1 && lines[0] === '') return undefined;

  const data: Record<string, Value> = {};
  const keys: { key: string; line: number }[] = [];
  const lineOfPath = new Map<string, number>();
  let open: { key: string; kind: 'list' | 'map' | 'undecided' } | undefined;

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 2;
    const item = LIST_ITEM.exec(line);
    const nested = item ? null : NESTED_KEY_LINE.exec(line);
    if (item || nested) {
      if (!open) return undefined;
      if (item) {
        if (open.kind === 'map') return undefined;
        open.kind = 'list';
        const value = scalar(item[1]!);
        if (value === undefined) return undefined;
        const list = data[open.key] as Value[];
        // Like the YAML parser, a list or map "is" where its first item starts.
        if (list.length === 0) lineOfPath.set(open.key, lineNumber);
        lineOfPath.set(`${open.key}\u0000${list.length}`, lineNumber);
        list.push(value);
      } else {
        if (open.kind === 'list') return undefined;
        if (open.kind === 'undecided') {
          data[open.key] = {};
          lineOfPath.set(open.key, lineNumber);
        }
        open.kind = 'map';
        const map = data[open.key] as Record<string, Value>;
        const value = scalar(nested![2]!);
        if (value === undefined || nested![1]! in map) return undefined;
        map[nested![1]!] = value;
        lineOfPath.set(`${open.key}\u0000${nested![1]!}`, lineNumber);
      }
      continue;
    }
    if (open?.kind === 'undecided') return undefined; // `key:` with nothing under it is null in YAML
    open = undefined;
    const field = KEY_LINE.exec(line);
    if (!field) return undefined;
    const [, key, raw] = field as unknown as [string, string, string | undefined];
    if (Object.hasOwn(data, key)) return undefined;
    keys.push({ key, line: lineNumber });
    lineOfPath.set(key, lineNumber);
    if (raw === undefined) {
      data[key] = [];
      open = { key, kind: 'undecided' };
      continue;
    }
    const value = scalar(raw);
    if (value === undefined) return undefined;
    data[key] = value;
  }
  if (open?.kind === 'undecided') return undefined;

  const closingLine = lines.length + 2;
  return {
    data,
    body: text.slice(close + 5),
    bodyLine: closingLine + 1,
    keys,
    lineOf(path) {
      for (let depth = Math.min(path.length, 2); depth > 0; depth--) {
        const line = lineOfPath.get(path.slice(0, depth).map(String).join('\u0000'));
        if (line !== undefined) return line;
      }
      return 1;
    },
  };
}
