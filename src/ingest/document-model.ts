/**
 * The one internal document model every reader produces (text, Markdown, DOCX, XLSX, PDF) and
 * every layout recogniser consumes. Readers keep where each piece came from so warnings can point
 * a person back to the page, row or line of the source.
 */

/** Where in the source a block, line or cell was read. All numbers are 1-based. */
export interface SourceRef {
  page?: number;
  line?: number;
  sheet?: string;
  row?: number;
  col?: number;
}

/** A paragraph of running text (one source paragraph, or one line for line-oriented sources). */
export interface Paragraph {
  kind: 'paragraph';
  text: string;
  ref: SourceRef;
  /** Heading level when the source marks one (Markdown `#`, DOCX Heading styles). */
  headingLevel?: number;
  /** Automatic numbering label rendered by the source (DOCX numbering such as `（一）`), if any. */
  numbering?: string;
}

/**
 * One grid position of a table. A merged region is stored at every position it covers: the
 * top-left position holds the text, the others have `mergedFrom` pointing at it and empty text.
 */
export interface TableCell {
  text: string;
  ref: SourceRef;
  mergedFrom?: { row: number; col: number };
}

/** A table as a rectangular grid (rows × columns, 0-based indices). */
export interface Table {
  kind: 'table';
  rows: TableCell[][];
  ref: SourceRef;
}

export type Block = Paragraph | Table;

/** What a reader returns: the blocks in reading order plus what it noticed on the way. */
export interface SourceDocument {
  format: 'text' | 'markdown' | 'docx' | 'xlsx' | 'pdf';
  fileName: string;
  blocks: Block[];
  /** Physical lines for line-oriented sources (text, PDF text layer), used by line layouts. */
  lines?: { text: string; ref: SourceRef }[];
  warnings: { message: string; ref: SourceRef }[];
}
