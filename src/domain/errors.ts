/**
 * The one error type of the platform. Every failure a user or client can meet carries a stable
 * `code` (clients branch on it, never on the text) and a Chinese `message` for people; `details`
 * says where (file, row, field) when that is known. HTTP statuses are assigned by the server from
 * the code, so engines stay free of transport concerns.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** True when `e` is an AppError (also across module instances, by shape). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && typeof (e as { code?: unknown }).code === 'string');
}
