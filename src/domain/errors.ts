/**
 * The one error type of the platform. Every failure a user or client can meet carries a stable
 * `code` (clients branch on it, never on the text) and a Chinese `message` for people; `details`
 * says where (file, row, field) when that is known. Every code is in the catalogue
 * (error-catalogue.ts) with its kind; HTTP statuses are assigned by the server from the kind, so
 * use cases and engines stay free of transport concerns.
 */
import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.ts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
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

/** Builds an AppError for a catalogued code, with the catalogue's message unless one is given. */
export function appError(code: ErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message ?? ERROR_CATALOGUE[code][1], details);
}
