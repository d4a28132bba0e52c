/**
 * How the "Suggest a link" form's Quotes field holds quotes, read by the suggestion parser and
 * written by the "Suggest this page" bookmarklet: one quote per line, and a passage of several lines
 * written as a Markdown quote block (each line led by `> `), so its line and paragraph breaks arrive.
 */

/** The Quotes field's text for one quote: as it is when it is one line, else as a `> ` block. */
export function quoteField(quote: string): string {
  if (!quote.includes('\n') && !quote.startsWith('>')) return quote;
  return quote
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** The quotes in the Quotes field's text: each plain line one quote; each run of `>` lines one quote. */
export function readQuoteField(text: string): string[] {
  const quotes: string[] = [];
  let block: string[] | undefined;
  const endBlock = () => {
    const quote = block?.join('\n').trim();
    if (quote) quotes.push(quote);
    block = undefined;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('>')) {
      (block ??= []).push(line.replace(/^>[^\S\n]?/, '').trimEnd());
      continue;
    }
    endBlock();
    if (line) quotes.push(line);
  }
  endBlock();
  return quotes;
}
