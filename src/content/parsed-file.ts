/** What reading one content file gives: its data and body with source lines, or why it cannot be read. */

export interface ParsedFile {
  /** The frontmatter as plain data (not yet validated). */
  data: Record<string, unknown>;
  /** The Markdown body after the closing `---`, with line endings normalised to `\n`. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** The line a frontmatter path (`['quotes', 2]`) is written on; the opening `---` when absent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Top-level keys as written, with their lines (for unknown-key hints). */
  keys: { key: string; line: number }[];
}

export interface FileSyntaxError {
  line: number;
  field: string;
  message: string;
}
