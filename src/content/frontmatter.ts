/**
 * Reads one content file: YAML frontmatter (through gray-matter, with a YAML 1.2 parser that keeps
 * source positions) and a Markdown body. Nothing in a file can run code: gray-matter's JavaScript
 * front matter (`---js`) is refused, and YAML custom tags such as `!!js/function` are errors.
 */
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { parseCanonicalFile } from './canonical-frontmatter.ts';
import type { FileSyntaxError, ParsedFile } from './parsed-file.ts';

export type { FileSyntaxError, ParsedFile } from './parsed-file.ts';

const refuseCode = () => {
  throw new Error('frontmatter must be YAML; code in frontmatter is not allowed');
};

/** Parses `source`; returns the file, or the syntax error that stops it being read at all. */
export function parseContentFile(source: string): ParsedFile | FileSyntaxError {
  // CRLF (Windows editors) and a UTF-8 byte-order mark are accepted: normalise them away first.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[^\S\n]*\n/.test(text)) {
    if (/^---\S/.test(text)) {
      return { line: 1, field: 'frontmatter', message: 'frontmatter must be YAML: the first line must be exactly "---"' };
    }
    return {
      line: 1,
      field: 'frontmatter',
      message: 'the file has no frontmatter: it must start with a line "---", the fields, then another "---"',
    };
  }
  return parseCanonicalFile(text) ?? parseAnyYaml(text);
}

/** The full path: gray-matter with a YAML 1.2 parser that keeps positions. `text` is normalised. */
export function parseAnyYaml(text: string): ParsedFile | FileSyntaxError {
  let doc: Document | undefined;
  const lineCounter = new LineCounter();
  let parsed: matter.GrayMatterFile<string>;
  try {
    const options = {
      engines: {
        yaml: (frontmatter: string) => {
          doc = parseDocument(frontmatter, { lineCounter, prettyErrors: false, uniqueKeys: true });
          return {};
        },
        js: refuseCode,
        javascript: refuseCode,
        coffee: refuseCode,
        coffeescript: refuseCode,
        json: refuseCode,
      },
    };
    parsed = matter(text, options);
  } catch (error) {
    return { line: 1, field: 'frontmatter', message: (error as Error).message };
  }
  // The frontmatter string starts with the newline that ends the opening `---` (line 1).
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const closed = /\n---[^\S\n]*(\n|$)/.test(text.slice(3));
  if (!closed) {
    return { line: 1, field: 'frontmatter', message: 'the frontmatter is not closed: add a line "---" after the last field' };
  }
  if (!doc) return { line: 1, field: 'frontmatter', message: 'the frontmatter is empty' };

  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = lineAt(problem.pos[0]);
    let message = problem.message.split('\n')[0] ?? 'invalid YAML';
    if (/\t/.test(parsed.matter.split('\n')[line - 1] ?? '')) message = 'tabs are not allowed in frontmatter: indent with spaces';
    return { line, field: 'frontmatter', message: `YAML syntax: ${message}` };
  }
  // Aliases (`*name`) let one line stand for another's text; a contributor never needs them, and
  // they hide what a reviewer sees in the diff.
  if (/(^|[\s[{,])[&*][^\s\]},]+/m.test(parsed.matter)) {
    const aliasProblem = findAlias(doc);
    if (aliasProblem !== undefined) {
      return { line: lineAt(aliasProblem), field: 'frontmatter', message: 'YAML anchors and aliases (&name, *name) are not allowed: write the text out' };
    }
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || data === undefined) return { line: 2, field: 'frontmatter', message: 'the frontmatter is empty' };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { line: 2, field: 'frontmatter', message: 'the frontmatter must be fields written "name: value"' };
  }

  const contents = doc.contents;
  const keys = isMap(contents)
    ? contents.items.map((pair) => ({
        key: String(isScalar(pair.key) ? pair.key.value : pair.key),
        line: lineAt((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0),
      }))
    : [];
  const matterLines = parsed.matter.split('\n').length;
  const finalDoc = doc;
  return {
    data: data as Record<string, unknown>,
    // gray-matter leaves anything after the closing `---` on its line (trailing spaces) in the body.
    body: parsed.content.replace(/^[^\S\n]+\n/, ''),
    bodyLine: matterLines + 2,
    keys,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = finalDoc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lineAt(node.range[0]);
      }
      return 1;
    },
  };
}

function findAlias(doc: Document): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    const candidate = node as { anchor?: string; source?: string; range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown };
    if (candidate.anchor || (candidate.constructor?.name === 'Alias')) {
      found = candidate.range?.[0] ?? 0;
      return;
    }
    if (Array.isArray(candidate.items)) candidate.items.forEach(visit);
    if ('key' in candidate) visit(candidate.key);
    if ('value' in candidate) visit(candidate.value);
  };
  visit(doc.contents);
  return found;
}

export function isSyntaxError(result: ParsedFile | FileSyntaxError): result is FileSyntaxError {
  return 'message' in result;
}
