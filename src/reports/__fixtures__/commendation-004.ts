/**
 * Fixture: the 表彰通报 of seed 004, built from its gold file; the texts the gold file does not
 * keep (preamble, support paragraph, practice bodies) are taken from the seed text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { normSpaces } from '../../domain/text-normalise.ts';
import type { CommendationData } from '../report-data.ts';
import { chineseNumber } from '../kinds/text-helpers.ts';
import { readGold } from './shaoyang-progress.ts';

const Gold004 = z.object({
  title: z.string(), issuer: z.string(), date: z.string(),
  indicator_awards: z.array(z.object({ indicator: z.string(), lead_units: z.array(z.string()), key_responsible_units: z.array(z.string()) })),
  county_awards: z.array(z.object({ name: z.string(), rank: z.number() })),
  support_units: z.array(z.string()),
  typical_practices: z.array(z.object({ seq: z.number(), heading: z.string() })),
});

function seedParagraphs(): string[] {
  const dir = new URL('../../../fixtures/seeds/', import.meta.url);
  const file = readdirSync(dir).find((f) => f.startsWith('004_'));
  if (!file) throw new Error('seed 004 missing');
  // Paragraphs are split by blank lines, and page breaks split some: rejoin lines that do not end a sentence.
  const raw = readFileSync(new URL(file, dir), 'utf8').split(/\n\s*\n/).map((p) => normSpaces(p)).filter((p) => p !== '');
  const out: string[] = [];
  for (const p of raw) {
    const prev = out.at(-1);
    const heading = /^(?:[一二三四五六七八九十]+、|（|\()/;
    const cut = prev !== undefined && prev.length >= 40 && !/[。：！）)]$/.test(prev) && !heading.test(prev) && !heading.test(p);
    if (cut) out[out.length - 1] = (prev ?? '') + p;
    else out.push(p);
  }
  return out.map((p) => p.replace(/\*\*/g, ''));
}

/** Seed 004 as CommendationData. */
export function commendation004(): CommendationData {
  const g = Gold004.parse(readGold('004.json'));
  const paras = seedParagraphs();
  const find = (prefix: string): string => paras.find((p) => p.startsWith(prefix)) ?? '';
  const practiceStart = paras.findIndex((p) => p === '典型经验做法');
  const practices = g.typical_practices.map((t) => {
    const body = paras.slice(practiceStart + 1).find((p) => p.startsWith(`${chineseNumber(t.seq)}、`)) ?? '';
    return { heading: t.heading, text: body.slice(body.indexOf('。') + 1) };
  });
  return {
    issue: { issuer: g.issuer, docNumber: null, date: g.date, addressee: '各区县（市）政府、园区管委会，市直各相关单位', cc: [], printed: null },
    title: g.title,
    preamble: [find('2020年，全市各级各部门')],
    indicatorAwards: g.indicator_awards.map((a) => ({ indicator: a.indicator, leadUnits: a.lead_units, keyResponsibleUnits: a.key_responsible_units })),
    placeAwards: g.county_awards,
    supportText: find('市委统战部'),
    supportUnits: g.support_units,
    closing: [find('希望以上受表彰的单位')],
    practices,
  };
}
