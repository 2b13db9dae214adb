/**
 * Unit-name matching: the written name of a unit (市住建局) against an office's catalogue of
 * canonical units (市住房和城乡建设局, with aliases). Written forms are never rewritten in
 * drafts; matching only links them, so people still see what the plan says.
 */
import { DEPARTMENT_VARIANTS } from './unit-dictionary.ts';

export interface CanonicalUnit {
  id: string;
  name: string;
  aliases?: readonly string[];
}

// Variant → short form, longest variant first so 住房和城乡建设局 wins over 建设局-like tails.
const VARIANTS: [string, string][] = DEPARTMENT_VARIANTS.flatMap((forms) => forms.map((v): [string, string] => [v, forms[0] ?? v])).sort(
  (a, b) => b[0].length - a[0].length,
);

const REGION_TAIL = /(?:省|市|县|区|州)$/;

/**
 * A matching key: the department reduced to its short form, the region prefix reduced to its
 * level (邵x市住建局 and 市住房城乡建设局 both give 市|住建局). Names outside the dictionary
 * keep their text without spaces or bracket-width differences.
 */
export function unitKey(written: string): string {
  const name = written.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  for (const [variant, short] of VARIANTS) {
    if (!name.endsWith(variant)) continue;
    const prefix = name.slice(0, name.length - variant.length);
    if (prefix !== '' && !REGION_TAIL.test(prefix)) continue;
    return `${prefix.slice(-1)}|${short}`;
  }
  return name;
}

/** The id of the catalogue unit a written name refers to, or null when none or several match. */
export function matchUnit(written: string, canonicalUnits: readonly CanonicalUnit[]): string | null {
  const trimmed = written.trim();
  const exact = canonicalUnits.filter((u) => u.name === trimmed || (u.aliases ?? []).includes(trimmed));
  if (exact.length === 1) return exact[0]?.id ?? null;
  const key = unitKey(trimmed);
  const hits = canonicalUnits.filter((u) => [u.name, ...(u.aliases ?? [])].some((n) => unitKey(n) === key));
  const ids = new Set(hits.map((u) => u.id));
  return ids.size === 1 ? (hits[0]?.id ?? null) : null;
}
