import { App } from 'antd';
import { useEffect, useRef } from 'react';

// What leads away from the page: links, and the menus' items (the side menu navigates on click).
const LEAVING = 'a[href], [role="menuitem"], .inbox-item';
// Clicks inside the page's own pop-ups (selects, modals, pickers) never leave it.
const POPUPS = '.ant-modal, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover';

function leavesPage(el: Element): boolean {
  if (el.closest(POPUPS)) return false;
  if (el instanceof HTMLAnchorElement) {
    if (el.target === '_blank' || el.hasAttribute('download')) return false;
    const url = new URL(el.href, window.location.href);
    if (url.origin !== window.location.origin) return true;
    return url.pathname !== window.location.pathname || url.search !== window.location.search;
  }
  return true;
}

/**
 * While `active`, leaving the page asks first: a click on a link or a menu item opens a
 * confirmation (离开 repeats the click), and reloading or closing the tab gets the browser's prompt.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  const { modal } = App.useApp();
  const passing = useRef(false);
  useEffect(() => {
    if (!active) return undefined;
    const onClick = (e: MouseEvent) => {
      if (passing.current || !(e.target instanceof Element)) return;
      const el = e.target.closest(LEAVING);
      if (!el || !leavesPage(el)) return;
      e.preventDefault();
      e.stopPropagation();
      modal.confirm({
        title: '离开此页？',
        content: message,
        okText: '离开',
        okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
        cancelText: '留在此页',
        onOk: () => {
          passing.current = true;
          try {
            (el as HTMLElement).click();
          } finally {
            passing.current = false;
          }
        },
      });
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, message, modal]);
}
