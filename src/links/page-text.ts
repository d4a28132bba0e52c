/**
 * From a fetched body to the text a reader sees: the charset the server declared, or the page
 * itself declares (`<meta charset>`, byte-order mark), or — when neither does — UTF-8 if the bytes
 * are valid UTF-8 and windows-1252 otherwise; then the HTML parsed by a real parser (parse5, through
 * hast-util-from-html) and its text taken the way `innerText` does (hast-util-to-text), so a passage
 * split across `<em>`, links and line breaks reads as one.
 */
import { isUtf8 } from 'node:buffer';
import { MIMEType } from 'node:util';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import sniffHtmlEncoding from 'html-encoding-sniffer';

/** The `charset` parameter of a Content-Type header, if it has a readable one. */
export function declaredCharset(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  try {
    return new MIMEType(contentType).params.get('charset') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Valid UTF-8, allowing a character cut in two at the end (a body capped mid-character). */
function looksUtf8(bytes: Uint8Array): boolean {
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) if (isUtf8(bytes.subarray(0, bytes.length - cut))) return true;
  return false;
}

/** The encoding to read `bytes` with: declared (HTTP, byte-order mark, `<meta>`) or detected. */
export function pageEncoding(bytes: Uint8Array, contentType: string | null, html: boolean): string {
  const options = { transportLayerEncodingLabel: declaredCharset(contentType), ...(html ? {} : { maxPrescanBytes: 0 }) };
  const withUtf8Default = sniffHtmlEncoding(bytes, { ...options, defaultEncoding: 'UTF-8' });
  // Two different answers for two different defaults: nothing declared an encoding, so detect it.
  if (withUtf8Default !== sniffHtmlEncoding(bytes, { ...options, defaultEncoding: 'windows-1252' })) {
    return looksUtf8(bytes) ? 'UTF-8' : 'windows-1252';
  }
  return withUtf8Default;
}

/** The body as text; a clear error for an encoding this Node cannot decode. */
export function decodeBody(bytes: Uint8Array, contentType: string | null, html: boolean): { text: string; encoding: string } {
  const encoding = pageEncoding(bytes, contentType, html);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new Error(`the page's character encoding (${encoding}) cannot be decoded here`);
  }
  return { text: decoder.decode(bytes), encoding };
}

/** What the checker learns from a page besides its text, to say why a passage may be missing. */
export interface PageText {
  /** The visible text, block elements and `<br>` as line breaks. */
  text: string;
  /** `<script>` elements that run (JSON-LD and other data blocks do not count). */
  scripts: number;
  /** An `<input type="password">`: a login form. */
  passwordField: boolean;
  /** The page says its text is not free to read (schema.org `isAccessibleForFree: false`): a paywall. */
  notFree: boolean;
}

const EXECUTABLE_SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const NOT_FREE = /"isAccessibleForFree"\s*:\s*"?false"?/i;

/** `display: none` or `visibility: hidden` in an inline style: the text is there but never shown. */
function hiddenByStyle(style: unknown): boolean {
  if (typeof style !== 'string') return false;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i.test(style);
}

const attribute = (element: Element, name: string) => {
  const value = element.properties[name];
  return typeof value === 'string' ? value.toLowerCase() : Array.isArray(value) ? value.join(' ').toLowerCase() : '';
};

/**
 * Drops what a reader never sees and notes the signals. Scripts, styles, `<template>`, `<noscript>`
 * (readers' browsers run scripts) and `hidden` elements are left out by hast-util-to-text already;
 * here go inline-style hidden elements too, while `hidden="until-found"` stays in, because find in
 * page (and so a text fragment) reveals it. `aria-hidden` text stays: it hides text from screen
 * readers, not from the eye.
 */
function prune(node: Nodes, signals: Omit<PageText, 'text'>): void {
  if (!('children' in node)) return;
  node.children = node.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (child.tagName === 'script') {
      const type = attribute(child, 'type');
      if (EXECUTABLE_SCRIPT_TYPES.has(type)) signals.scripts++;
      if (type === 'application/ld+json' && NOT_FREE.test(toText(child))) signals.notFree = true;
      return false;
    }
    if (child.tagName === 'input' && attribute(child, 'type') === 'password') signals.passwordField = true;
    if (
      child.tagName === 'meta' &&
      /isaccessibleforfree/i.test(attribute(child, 'itemProp')) &&
      attribute(child, 'content') === 'false'
    )
      signals.notFree = true;
    if (hiddenByStyle(child.properties.style)) return false;
    if (child.properties.hidden === 'until-found') delete child.properties.hidden;
    prune(child, signals);
    return true;
  });
}

export function htmlToText(html: string): PageText {
  const tree: Root = fromHtml(html);
  const signals = { scripts: 0, passwordField: false, notFree: false };
  prune(tree, signals);
  return { text: toText(tree), ...signals };
}
