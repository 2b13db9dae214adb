/** Ends a pooled child process (parse or render) at once, resolving when it has exited. */
import type { ChildProcess } from 'node:child_process';

export function killChild(child: ChildProcess, idleTimer: NodeJS.Timeout | undefined): Promise<void> {
  clearTimeout(idleTimer);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
