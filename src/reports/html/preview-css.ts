/**
 * Stylesheet of the HTML preview: an A4 sheet with the GB/T 9704 margins, 3号 text at the
 * 28.95 pt line pitch and 28 characters a line, so what people edit looks like what prints.
 */
import { CSS_STACK, FONT_FACE_CSS } from '../gbt9704/fonts.ts';
import { BODY_CHAR_SPACING, LINE_PITCH } from '../gbt9704/page.ts';

const line = `${LINE_PITCH / 20}pt`;
// Letter-spacing squeezes 16 pt characters to 15.75 pt, 28 a line, as in the DOCX (page.ts).
const squeeze = `${BODY_CHAR_SPACING / 20}pt`;

/** The preview's CSS (scoped under .gw-doc so it can sit inside the web app). */
export const PREVIEW_CSS = `
${FONT_FACE_CSS}
.gw-doc{background:#e8e8e8;padding:16px 0;}
.gw-page{box-sizing:border-box;width:210mm;min-height:297mm;margin:0 auto 16px;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);font-family:${CSS_STACK.body};font-size:16pt;line-height:${line};letter-spacing:${squeeze};color:#000;}
.gw-page p{margin:0;text-align:justify;}
.gw-indent{text-indent:2em;}
.gw-nb{white-space:nowrap;}
.gw-red-header{color:#f00;font-family:${CSS_STACK.title};text-align:center;margin-top:35mm !important;font-size:36pt;line-height:1.2;letter-spacing:0;white-space:nowrap;}
.gw-doc-number{text-align:center !important;margin-top:calc(2 * ${line}) !important;}
.gw-red-rule{border:0;border-top:1.5pt solid #f00;margin:4mm 0 0;}
.gw-masthead{color:#f00;font-family:${CSS_STACK.title};text-align:center !important;font-size:36pt;line-height:1.25;letter-spacing:0;}
.gw-issue{text-align:center !important;}
.gw-byline{display:flex;justify-content:space-between;border-bottom:3pt double #f00;}
.gw-title{font-family:${CSS_STACK.title};font-size:22pt;text-align:center !important;margin:calc(2 * ${line}) 0 ${line} !important;letter-spacing:0;}
.gw-h1{font-family:${CSS_STACK.hei};}
.gw-h2,.gw-kai{font-family:${CSS_STACK.kai};}
.gw-hei{font-family:${CSS_STACK.hei};}
.gw-signature{text-align:right !important;}
.gw-attachment{font-family:${CSS_STACK.hei};break-before:page;}
.gw-table{width:100%;table-layout:fixed;border-collapse:collapse;font-size:12pt;line-height:1.35;letter-spacing:0;margin:0 0 ${line};}
.gw-table caption{font-family:${CSS_STACK.hei};font-size:14pt;padding:4pt 0;}
.gw-table th{font-family:${CSS_STACK.hei};font-weight:normal;}
.gw-table th,.gw-table td{border:0.5pt solid #000;padding:2pt 3pt;vertical-align:middle;}
.gw-c{text-align:center;}.gw-r{text-align:right;}
.gw-figure{margin:6pt 0 ${line};text-align:center;}
.gw-figure figcaption{font-family:${CSS_STACK.hei};font-size:14pt;letter-spacing:0;}
.gw-figure svg{max-width:100%;height:auto;}
.gw-record{margin-top:${line};border-top:1pt solid #000;border-bottom:1pt solid #000;font-size:14pt;letter-spacing:0;}
.gw-record p{padding:0 14pt;border-bottom:0.75pt solid #000;}
.gw-record p:last-child{border-bottom:0;}
.gw-printed{display:flex;justify-content:space-between;}
@media print{.gw-doc{background:none;padding:0}.gw-page{box-shadow:none;margin:0;}}
`;
