/**
 * A zip reader for untrusted OOXML packages that never inflates more than the limits allow.
 * Why not jszip alone: it inflates an entry whole, trusting nothing but the data, so a 0.7 MB
 * DOCX inflating to gigabytes fills the heap before any check can run. Here the central
 * directory's declared sizes are checked first, and each entry is inflated with a hard output
 * cap (zlib's maxOutputLength), so a lying header cannot get past the limit either.
 */
import { inflateRawSync } from 'node:zlib';
import { corruptError } from './reader-guards.ts';
import { DEFAULT_READER_LIMITS, limitError, type ReaderLimits } from './reader-limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The entries of a zip package, checked against the limits; reads inflate within them. */
export class SafeZip {
  readonly entries: Map<string, ZipEntry>;
  private inflated = 0;

  constructor(private readonly bytes: Buffer, private readonly fileName: string, private readonly kind: string, private readonly limits: ReaderLimits = DEFAULT_READER_LIMITS) {
    this.entries = readCentralDirectory(bytes, fileName, kind, limits);
    let declared = 0;
    for (const e of this.entries.values()) {
      this.checkEntrySize(e, e.declaredSize);
      declared += e.declaredSize;
    }
    if (declared > limits.maxInflatedBytes) throw limitError(fileName, 'inflated', limits.maxInflatedBytes, { declared });
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated with a cap of the per-entry limit and what is left of the total. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const data = this.rawData(e);
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      const cap = Math.min(this.limits.maxEntryBytes, this.limits.maxInflatedBytes - this.inflated);
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw cap < this.limits.maxEntryBytes
            ? limitError(this.fileName, 'inflated', this.limits.maxInflatedBytes, { entry: name })
            : limitError(this.fileName, 'entry', this.limits.maxEntryBytes, { entry: name });
        }
        throw corruptError(this.fileName, this.kind, `entry ${name}: ${(err as Error).message}`);
      }
    } else throw corruptError(this.fileName, this.kind, `entry ${name}: compression method ${e.method}`);
    this.inflated += out.length;
    this.checkEntrySize(e, out.length);
    return out;
  }

  /** The entry as UTF-8 text (XML parts), or undefined when absent. */
  text(name: string): string | undefined {
    return this.read(name)?.toString('utf8');
  }

  /** Inflates every entry once (within the limits) and drops the bytes: proves the whole package is bounded. */
  verifyAll(): void {
    for (const name of this.entries.keys()) this.read(name);
  }

  private checkEntrySize(e: ZipEntry, size: number): void {
    if (size > this.limits.maxEntryBytes) throw limitError(this.fileName, 'entry', this.limits.maxEntryBytes, { entry: e.name, size });
    if (size > this.limits.ratioFloorBytes && size > e.compressedSize * this.limits.maxRatio) {
      throw limitError(this.fileName, 'ratio', this.limits.maxRatio, { entry: e.name, size, compressed: e.compressedSize });
    }
  }

  private rawData(e: ZipEntry): Buffer {
    const at = e.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw corruptError(this.fileName, this.kind, `entry ${e.name}: bad local header`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (start + e.compressedSize > this.bytes.length) throw corruptError(this.fileName, this.kind, `entry ${e.name}: truncated`);
    return this.bytes.subarray(start, start + e.compressedSize);
  }
}

function findEocd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  return -1;
}

function readCentralDirectory(bytes: Buffer, fileName: string, kind: string, limits: ReaderLimits): Map<string, ZipEntry> {
  const eocd = bytes.length >= 22 ? findEocd(bytes) : -1;
  if (eocd < 0) throw corruptError(fileName, kind, 'no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  // Zip64 (0xffff entries or 0xffffffff offsets) is never needed by a ≤ 50 MB document.
  if (count === 0xffff || at === 0xffffffff) throw limitError(fileName, 'entries', limits.maxEntries, { zip64: true });
  if (count > limits.maxEntries) throw limitError(fileName, 'entries', limits.maxEntries, { entries: count });
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corruptError(fileName, kind, 'bad central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Opens an untrusted zip package (bytes not copied). */
export function openSafeZip(bytes: Uint8Array, fileName: string, kind: string, limits?: ReaderLimits): SafeZip {
  return new SafeZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, kind, limits);
}
