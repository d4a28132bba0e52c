/**
 * The distinct http(s) links of a Markdown page, found without the importer: a line scan with plain
 * patterns (inline, reference and angle-bracket links, bare URLs as GitHub links them, `href`s in
 * HTML), skipping code, comments and images. The corpus tests compare it with the importer's count.
 */
import { readFileSync } from 'node:fs';

/** `[text](url)` with one level of brackets in the text and of parentheses in the address; not an image. */
const INLINE = /(?<!!)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const IMAGE = /!\[(?:[^[\]]|\[[^[\]]*\])*\]\((?:[^\s()]|\([^\s()]*\))+(?:\s+"[^"]*")?\)/g;
const REFERENCE = /(?<![!\]])\[((?:[^[\]]|\[[^[\]]*\])+)\](?:\[([^[\]]*)\])?/g;
const DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+["'(].*)?$/;
const ANGLE = /<(https?:\/\/[^\s<>]+)>/g;
const BARE = /(?<![\w/:."'=<])(?:https?:\/\/|www\.)[^\s<]+/g;
const HREF = /\bhref\s*=\s*["'](https?:\/\/[^"']+)["']/gi;

/** Markdown escapes and the entities GitHub reads in an address. */
const unescape = (url: string) => url.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&');

/** How GitHub ends a bare URL: trailing punctuation, and a `)` it does not open, are not part of it. */
function trimBare(url: string): string {
  let out = url.replace(/[?!.,:*_~'"]+$/, '');
  while (out.endsWith(')') && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length) {
    out = out.slice(0, -1).replace(/[?!.,:*_~'"]+$/, '');
  }
  return out;
}

export function pageLinks(path: string): Set<string> {
  const source = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lines = source.split(/\r?\n/);
  const definitions = new Map<string, string>();
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined) {
      const definition = DEFINITION.exec(line);
      if (definition) {
        const key = definition[1]!.toLowerCase().replace(/\s+/g, ' ');
        if (!definitions.has(key)) definitions.set(key, unescape(definition[2]!));
      }
    }
  }
  const links = new Set<string>();
  const add = (url: string) => {
    if (/^https?:\/\//i.test(url)) links.add(url);
  };
  // Paragraphs, not lines: a link's text may run over a line break.
  const blocks: string[] = [];
  let block: string[] = [];
  fence = undefined;
  for (const raw of lines) {
    const marker = /^\s*(```+|~~~+)/.exec(raw)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined || DEFINITION.test(raw)) continue;
    if (raw.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(raw) || /^\s*#/.test(raw) || /^\s*\|/.test(raw)) {
      if (block.length > 0) blocks.push(block.join(' '));
      block = [];
    }
    if (raw.trim() !== '') block.push(raw);
  }
  if (block.length > 0) blocks.push(block.join(' '));
  for (const raw of blocks) {
    let line = raw.replace(/(`+)[^`]*?\1/g, ' ');
    for (const match of line.matchAll(HREF)) add(unescape(match[1]!));
    line = line.replace(/\]\(\s*<(https?:\/\/[^<>]+)>\s*\)/g, (_whole, url: string) => {
      add(unescape(url));
      return '] ';
    });
    line = line.replace(ANGLE, (_whole, url: string) => {
      add(url);
      return ' ';
    });
    line = line.replace(/<\/?[a-z][^>]*>/gi, ' ');
    // Links first (a badge's image inside is not a link), then images, references, angle brackets, bare URLs.
    line = line.replace(INLINE, (_whole, text: string, url: string) => {
      add(unescape(url));
      return ` ${text.replace(IMAGE, ' ')} `;
    });
    line = line.replace(IMAGE, ' ');
    line = line.replace(REFERENCE, (whole, text: string, label: string | undefined) => {
      const url = definitions.get((label || text).toLowerCase().replace(/\s+/g, ' '));
      if (url === undefined) return whole;
      add(url);
      return ` ${text} `;
    });
    for (const match of line.matchAll(BARE)) if (!match[0].startsWith('www.')) add(trimBare(unescape(match[0])));
  }
  return links;
}
