// Worker thread that runs pdfjs and returns only what the PDF reader needs: positioned text runs
// and ruling segments per page, in page space (points, y up). Plain JS on purpose: the thread
// starts without the TypeScript loader, because loading pdfjs (1 MB of JS plus a 2.4 MB source
// map) through tsx costs ~170 MB of RSS. Also, pdfjs in Node otherwise runs on the main thread,
// where a damaged font can block the event loop for tens of seconds with no way to stop it;
// a thread can be terminated. Message in: { id, data }; out: { id, page } per page, then
// { id, done: numPages } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const IDENTITY = [1, 0, 0, 1, 0, 0];
// pdfjs v5 path buffer opcodes (DrawOPS).
const D_MOVE = 0, D_LINE = 1, D_CURVE = 2, D_QUAD = 3, D_CLOSE = 4;
const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set([OPS.fill, OPS.eoFill]);
const IMAGES = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat]);
const AXIS_TOL = 1; // a "horizontal" border may wobble by this much (points)
const THIN = 3; // fills thinner than this are borders drawn as rectangles (Word, WPS)

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const matrix = (v) => (v && typeof v.length === 'number' && v.length >= 6 ? Array.from(v, num).slice(0, 6) : undefined);
const multiply = (m, c) => [m[0] * c[0] + m[1] * c[2], m[0] * c[1] + m[1] * c[3], m[2] * c[0] + m[3] * c[2], m[2] * c[1] + m[3] * c[3], m[4] * c[0] + m[5] * c[2] + c[4], m[4] * c[1] + m[5] * c[3] + c[5]];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function pushSeg(a, b, out) {
  if (Math.abs(a[1] - b[1]) <= AXIS_TOL && Math.abs(a[0] - b[0]) > AXIS_TOL) {
    const y = (a[1] + b[1]) / 2;
    out.push({ x1: Math.min(a[0], b[0]), y1: y, x2: Math.max(a[0], b[0]), y2: y });
  } else if (Math.abs(a[0] - b[0]) <= AXIS_TOL && Math.abs(a[1] - b[1]) > AXIS_TOL) {
    const x = (a[0] + b[0]) / 2;
    out.push({ x1: x, y1: Math.min(a[1], b[1]), x2: x, y2: Math.max(a[1], b[1]) });
  }
}

// A filled thin rectangle is a border line along its long axis.
function thinRect(poly, out) {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 < THIN && x1 - x0 >= THIN) pushSeg([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2], out);
  else if (x1 - x0 < THIN && y1 - y0 >= THIN) pushSeg([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1], out);
}

function pathSegments(buf, ctm, fillOnly, out) {
  let cur = [0, 0];
  let start = [0, 0];
  let poly = [];
  const flush = () => {
    if (!fillOnly) for (let i = 1; i < poly.length; i++) pushSeg(poly[i - 1], poly[i], out);
    else if (poly.length >= 4) thinRect(poly, out);
    poly = [];
  };
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === D_MOVE || op === D_LINE) {
      const p = apply(ctm, num(buf[i]), num(buf[i + 1]));
      i += 2;
      if (op === D_MOVE) { flush(); start = p; }
      poly.push(p);
      cur = p;
    } else if (op === D_CURVE || op === D_QUAD) {
      i += op === D_CURVE ? 6 : 4;
      flush();
    } else if (op === D_CLOSE) {
      if (cur[0] !== start[0] || cur[1] !== start[1]) poly.push(start);
      flush();
      cur = start;
    } else break; // unknown opcode: the rest cannot be decoded reliably
  }
  flush();
}

async function pageRuns(page, pageNo) {
  const content = await page.getTextContent({ includeMarkedContent: false });
  const runs = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const t = matrix(item.transform) ?? IDENTITY;
    runs.push({ str: item.str, x: t[4], y: t[5], w: num(item.width), size: Math.hypot(t[2], t[3]) || num(item.height) || 10, page: pageNo });
  }
  return runs;
}

// Rulings and image use of a page, tracking the transformation matrix through save/restore.
async function pageGraphics(page) {
  const ops = await page.getOperatorList();
  const segs = [];
  const stack = [];
  let ctm = IDENTITY;
  let hasImages = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(matrix(args) ?? IDENTITY, ctm);
    else if (fn === OPS.paintFormXObjectBegin) { stack.push(ctm); ctm = multiply(matrix(args?.[0]) ?? IDENTITY, ctm); }
    else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (IMAGES.has(fn)) hasImages = true;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const buf = Array.isArray(args[1]) ? args[1][0] : undefined;
      if (!buf || typeof buf.length !== 'number') continue;
      if (STROKES.has(args[0])) pathSegments(buf, ctm, false, segs);
      else if (FILLS.has(args[0])) pathSegments(buf, ctm, true, segs);
    }
  }
  return { h: segs.filter((s) => s.y1 === s.y2), v: segs.filter((s) => s.x1 === s.x2), hasImages };
}

// Pages are posted one by one as they are read, so the thread never holds the whole document's
// runs: its heap stays the size of one page plus pdfjs's own caches, whatever the page count.
async function extract(id, data) {
  const task = getDocument({
    data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false, useWorkerFetch: false, disableAutoFetch: true, verbosity: 0,
  });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const runs = await pageRuns(page, n);
      const graphics = await pageGraphics(page);
      page.cleanup();
      parentPort?.postMessage({ id, page: { page: n, width: x1 - x0, height: y1 - y0, runs, ...graphics } });
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

parentPort?.on('message', (msg) => {
  const { id, data } = msg ?? {};
  extract(id, data).then(
    (numPages) => parentPort?.postMessage({ id, done: numPages }),
    (e) => parentPort?.postMessage({ id, error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? e) } }),
  );
});
