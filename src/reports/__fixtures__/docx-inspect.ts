/**
 * Test helper: opens a DOCX and gives its parts and paragraphs (text plus raw properties), so
 * tests can assert on what Word will read rather than on the docx library's objects.
 */
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';

/** One w:p of document.xml: its text and its raw XML (for property checks). */
export interface DocxParagraph {
  text: string;
  xml: string;
}

/** The parts of a DOCX the tests look at. */
export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  footers: Record<string, string>;
  media: string[];
  paragraphs: DocxParagraph[];
}

// U+2060 WORD JOINERs keep figures on one line and U+200B marks a break after an arrow
// (gbt9704/line-breaks.ts); a reader sees no character.
function unescape(s: string): string {
  return s.replace(/[\u2060\u200B]/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Paragraphs of a WordprocessingML part in order (tables' cell paragraphs included). */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('')),
  }));
}

/** Unzips a DOCX, checks every XML part is well formed, and returns the parts. */
export async function inspectDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<string> => {
    const text = (await zip.file(name)?.async('string')) ?? '';
    const valid = XMLValidator.validate(text);
    if (text && valid !== true) throw new Error(`${name} is not well-formed XML: ${JSON.stringify(valid)}`);
    return text;
  };
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const footers: Record<string, string> = {};
  for (const n of footerNames) footers[n] = await read(n);
  const document = await read('word/document.xml');
  return {
    document,
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers,
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
    paragraphs: paragraphsOf(document),
  };
}

/** The first paragraph whose text starts with `prefix`, or a failure naming it. */
export function paragraphStarting(parts: DocxParts, prefix: string): DocxParagraph {
  const p = parts.paragraphs.find((x) => x.text.startsWith(prefix));
  if (!p) throw new Error(`no paragraph starts with “${prefix}”`);
  return p;
}

/** Value of attribute `attr` on the first `tag` element inside `xml`, or null. */
export function attrOf(xml: string, tag: string, attr: string): string | null {
  const el = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`\\b${attr}="([^"]*)"`).exec(el)?.[1] ?? null;
}
