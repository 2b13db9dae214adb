/** Fixture: the 工作专报 of seed 003, built from its gold file (fixtures/gold/003.json). */
import { z } from 'zod';
import type { WorkBulletinData } from '../report-data.ts';
import { readGold } from './shaoyang-progress.ts';

const Gold003 = z.object({
  title: z.string(), issue_no: z.number(), issuer: z.string(), date: z.string(), editor_note: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string(), items: z.array(z.object({ unit: z.string().nullable(), group: z.string().nullable(), text: z.string() })) })),
  report_to: z.array(z.string()), distribute_to: z.array(z.string()),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
});

// The source prints the leaders' given names as one group closed by 同志 (gold 003 splits them).
function reportToEntries(names: readonly string[]): string[] {
  const people = names.filter((n) => !/[省市局办委（]/.test(n));
  const first = names.findIndex((n) => people.includes(n));
  const others = names.filter((n) => !people.includes(n));
  if (people.length === 0) return [...names];
  return [...others.slice(0, first), `${people.join('、')}同志`, ...others.slice(first)];
}

/** Seed 003 as WorkBulletinData. */
export function bulletin003(): WorkBulletinData {
  const g = Gold003.parse(readGold('003.json'));
  return {
    masthead: { title: g.title, issueNo: g.issue_no, issuer: g.issuer, date: g.date },
    editorNote: g.editor_note,
    sections: g.sections.map((s) => ({ heading: s.heading, items: s.items })),
    reportTo: reportToEntries(g.report_to),
    distributeTo: g.distribute_to,
    contact: g.contact,
  };
}
