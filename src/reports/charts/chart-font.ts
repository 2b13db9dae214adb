/**
 * The CJK font the chart renderer outlines its text with, given to the engine rather than found by
 * it: where fonts live is the machine's business (file system, YINGSHANG_CJK_FONT), which an engine
 * must not read. The server, the CLI and the tests install a loader (src/adapters/node-adapters.ts).
 */

/** A font file's bytes and a name for messages (its path). */
export interface ChartFontFile { file: string; bytes: Uint8Array }

/** Loads the font; throws REPORT_FONT_MISSING when the machine has none. Called once, on first use. */
export type ChartFontLoader = () => ChartFontFile;

let loader: ChartFontLoader | null = null;
let generation = 0;

/** Installs (or, with null, removes) the chart font loader. */
export function provideChartFont(next: ChartFontLoader | null): void {
  loader = next;
  generation++;
}

/** The installed loader and a number that changes whenever another one is installed. */
export function currentChartFont(): { loader: ChartFontLoader | null; generation: number } {
  return { loader, generation };
}
