/**
 * Fonts of GB/T 9704 and how they are named in the DOCX so Word and WPS on an official's PC find
 * them. Government PCs install the 方正 and _GB2312 fonts by name; a stock Windows has only 仿宋,
 * 楷体, 黑体 and 宋体. The font table therefore gives each font an altName and the GB2312 charset
 * (86): Word and WPS fall back to the altName, and any other program at least picks a Chinese
 * face. The layout does not depend on the face: line pitch is fixed and characters snap to the
 * document grid (see page.ts).
 */

/** A font as written into runs (ascii, hAnsi and eastAsia all set: digits stay in the same face). */
export interface FontFace {
  /** The name Word stores in w:rFonts. */
  name: string;
  /** The stock-Windows face Word and WPS use when `name` is not installed. */
  altName: string;
  /** PANOSE family class for the font table: serif (roman), sans (swiss) or script. */
  family: 'roman' | 'swiss' | 'script' | 'modern';
}

/** 方正小标宋简体: 标题 and 发文机关标志 (GB/T 9704 7.2.2, 7.3.1). */
export const XIAOBIAOSONG: FontFace = { name: '方正小标宋简体', altName: '华文中宋', family: 'roman' };
/** 仿宋_GB2312: body text and the third and fourth heading levels (7.3.3). */
export const FANGSONG: FontFace = { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' };
/** 黑体: first heading level (7.3.3) and the word 附件 on an attachment page (8). */
export const HEITI: FontFace = { name: '黑体', altName: 'SimHei', family: 'swiss' };
/** 楷体_GB2312: second heading level (7.3.3). */
export const KAITI: FontFace = { name: '楷体_GB2312', altName: '楷体', family: 'script' };
/** 宋体: page numbers (7.5: 4号半角宋体阿拉伯数字). */
export const SONGTI: FontFace = { name: '宋体', altName: 'SimSun', family: 'roman' };

/**
 * fontconfig file for LibreOffice's DOCX → PDF conversion: maps each official face to its own open
 * substitute when the official fonts are missing (see the file), so the PDF is not set in one face.
 */
export const FONTCONFIG_FILE = new URL('./fonts.conf', import.meta.url);

/** Every face the renderer writes, for the font table. */
export const ALL_FACES: readonly FontFace[] = [XIAOBIAOSONG, FANGSONG, HEITI, KAITI, SONGTI];

/** The run-font attributes for a face (eastAsia set, hint eastAsia so Word treats 〔〕 etc. as CJK). */
export function runFont(face: FontFace): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string } {
  return { ascii: face.name, hAnsi: face.name, eastAsia: face.name, cs: face.name, hint: 'eastAsia' };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fontEntry(face: FontFace): string {
  return `<w:font w:name="${escapeXml(face.name)}"><w:altName w:val="${escapeXml(face.altName)}"/>`
    + `<w:charset w:val="86"/><w:family w:val="${face.family}"/><w:pitch w:val="variable"/></w:font>`;
}

/**
 * Adds entries for our faces to word/fontTable.xml (docx writes an empty, self-closing table),
 * replacing any entries of the same name.
 */
export function patchFontTable(xml: string): string {
  const entries = ALL_FACES.map(fontEntry).join('');
  const selfClosing = /<w:fonts\b([^>]*?)\/>/.exec(xml);
  if (selfClosing) return `${xml.slice(0, selfClosing.index)}<w:fonts${selfClosing[1] ?? ''}>${entries}</w:fonts>${xml.slice(selfClosing.index + selfClosing[0].length)}`;
  const end = xml.lastIndexOf('</w:fonts>');
  if (end < 0) return xml;
  const names = new Set(ALL_FACES.map((f) => escapeXml(f.name)));
  const kept = xml.slice(0, end).replace(/<w:font w:name="([^"]*)"[\s\S]*?<\/w:font>/g, (m, name: string) => (names.has(name) ? '' : m));
  return kept + entries + xml.slice(end);
}

/**
 * Open faces Debian ships, per role, used when the official fonts are missing — the same choice
 * fonts.conf makes for LibreOffice, so the preview and the archived PDF use the same faces.
 * Each entry is a local() font name (full name, then PostScript name).
 */
const OPEN_FACES = {
  title: ['Noto Serif CJK SC Bold', 'NotoSerifCJKsc-Bold'],
  body: ['Noto Serif CJK SC', 'NotoSerifCJKsc-Regular'],
  hei: ['Noto Sans CJK SC', 'NotoSansCJKsc-Regular'],
  kai: ['LXGW WenKai', 'LXGWWenKai-Regular', 'AR PL UKai CN', 'UKaiCN'],
  song: ['Noto Serif CJK SC', 'NotoSerifCJKsc-Regular'],
} as const;

// Official and stock Windows/Mac faces per role, tried first.
const OFFICIAL_FACES = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong'],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  hei: ['黑体', 'SimHei', 'STHeiti'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti'],
  song: ['宋体', 'SimSun', 'STSong'],
} as const;

type Role = keyof typeof OPEN_FACES;
const ROLES: readonly Role[] = ['title', 'body', 'hei', 'kai', 'song'];

/**
 * @font-face rules of the preview: one family per role (ys-title …) whose sources are the
 * official faces, then the open ones by local() name. A family stack alone could not pick the
 * bold weight of the serif substitute for the title only.
 */
export const FONT_FACE_CSS = ROLES.map((role) => {
  const src = [...OFFICIAL_FACES[role], ...OPEN_FACES[role]].map((n) => `local("${n}")`).join(',');
  return `@font-face{font-family:"ys-${role}";src:${src};}`;
}).join('\n');

/** CSS font stacks for the HTML preview: the role's face (FONT_FACE_CSS), then generic fallbacks. */
export const CSS_STACK = {
  title: '"ys-title",serif',
  body: '"ys-body",serif',
  hei: '"ys-hei",sans-serif',
  kai: '"ys-kai",serif',
  song: '"ys-song",serif',
} as const;
