// Which units an import's written names may map to, and the mapping suggested for names the
// server did not match in the import's own region (pure).
import type { UnitMapping, UnitMatch } from '../../api/imports.ts';
import type { Unit } from '../../api/models.ts';

/**
 * Every unit the office sees (its region and the counties, districts and parks below it), the
 * import's own region first: a county government is mapped to, never duplicated.
 */
export function unitsForMapping(all: Unit[], regionId: number): Unit[] {
  const mine = all.filter((u) => u.region.id === regionId);
  const below = all.filter((u) => u.region.id !== regionId).sort((a, b) => a.region.name.localeCompare(b.region.name, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return [...mine, ...below];
}

/** The unit a name denotes exactly (its name or one of its aliases), when only one does. */
function exactUnit(name: string, units: Unit[]): Unit | undefined {
  const hits = units.filter((u) => u.name === name || u.aliases.includes(name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Names without a server match that exactly name one existing unit → that unit. */
export function suggestedMapping(names: string[], matches: UnitMatch[], units: Unit[]): UnitMapping {
  const matched = new Set(matches.filter((m) => m.unit).map((m) => m.name));
  const out: UnitMapping = {};
  for (const name of names) {
    if (matched.has(name)) continue;
    const unit = exactUnit(name, units);
    if (unit) out[name] = unit.id;
  }
  return out;
}

/** 冷水滩区人民政府 · 冷水滩区 for a unit outside the import's region; its name alone inside it. */
export function unitOptionLabel(unit: Unit, regionId: number): string {
  return unit.region.id === regionId ? unit.name : `${unit.name}（${unit.region.name}）`;
}
