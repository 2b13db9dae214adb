import { useEffect, useLayoutEffect, useRef, useState } from 'react';

// The server's page is 210 mm wide plus the grey margin: about 826 CSS px.
const PAGE_PX = 826;

/**
 * The server's preview sets the red 发文机关标志 and 报头 on one line at full size, so a long name
 * (邵阳市优化营商环境工作领导小组办公室) runs off the page; the DOCX condenses it horizontally to
 * the type area. Do the same here: scale the line along x until it fits.
 */
function condenseMarks(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('.gw-red-header, .gw-masthead')) {
    el.style.transform = '';
    el.style.transformOrigin = 'left center';
    if (el.scrollWidth > el.clientWidth + 1) el.style.transform = `scaleX(${el.clientWidth / el.scrollWidth})`;
  }
}

/**
 * The server's HTML preview (its own <style>: A4 pages on grey), scaled down to fit narrow screens
 * so a phone sees the whole printed page rather than a corner of it.
 */
export function DocumentPreview({ html }: { html: string }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el) return undefined;
    condenseMarks(el);
    let live = true;
    // Web fonts may arrive after the first layout and change the widths.
    void document.fonts.ready.then(() => live && condenseMarks(el));
    return () => {
      live = false;
    };
  }, [html]);
  useEffect(() => {
    const el = outer.current;
    if (!el) return undefined;
    const measure = () => setScale(Math.min(1, el.clientWidth / PAGE_PX));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="doc-preview" ref={outer} data-testid="doc-preview">
      <div className="doc-preview-inner" ref={inner} style={{ zoom: scale }} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
