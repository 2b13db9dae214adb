/**
 * Capabilities the ingest engine is given rather than takes: converting a legacy Word/WPS file
 * needs LibreOffice (a child process, temporary files), which an engine must not reach for itself.
 * The server, the CLI and the tests install a converter (src/adapters/node-adapters.ts).
 */

/** Converts .doc/.wps bytes to .docx bytes; null when no converter is installed on this machine. Throws when conversion fails. */
export type LegacyDocConverter = (bytes: Uint8Array) => Promise<Uint8Array | null>;

let legacyDocConverter: LegacyDocConverter | null = null;

/** Installs (or, with null, removes) the legacy Word/WPS converter. */
export function provideLegacyDocConverter(converter: LegacyDocConverter | null): void {
  legacyDocConverter = converter;
}

/** The installed converter, or null. */
export function currentLegacyDocConverter(): LegacyDocConverter | null {
  return legacyDocConverter;
}
