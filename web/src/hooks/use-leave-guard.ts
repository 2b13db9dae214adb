import { App } from 'antd';
import { useCallback, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';

// Pages with unsaved edits register here; ONE blocker for the whole app (useLeaveBlocker, called by
// the routes) asks before leaving. React Router supports a single blocker at a time, and forms in
// modals and drawers may be open on a page that has its own guard.
const guards = new Map<string, string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of listeners) l();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
/** The newest guard's message, or null when nothing unsaved is on screen. */
function currentMessage(): string | null {
  return [...guards.values()].pop() ?? null;
}

/**
 * While `active`, leaving the page asks first: an in-app link, a menu item, the browser's back and
 * forward buttons get a Chinese confirmation; reloading or closing the tab gets the browser's prompt.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  const id = useId();
  useEffect(() => {
    if (!active) return undefined;
    guards.set(id, message);
    changed();
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      guards.delete(id);
      changed();
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, message, id]);
}

/** The app's one blocker; call once inside the router. */
export function useLeaveBlocker(): void {
  const { modal } = App.useApp();
  const message = useSyncExternalStore(subscribe, currentMessage);
  // Only leaving the page counts: a page changing its own query (filters, the focused row) stays.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => currentMessage() !== null && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asking.current = false;
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: '离开此页？',
      content: message ?? '有未保存的修改，离开后这些修改将丢失。',
      okText: '离开',
      okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
      cancelText: '留在此页',
      cancelButtonProps: { 'data-testid': 'leave-cancel' },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, message, modal]);
}
