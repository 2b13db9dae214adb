/**
 * Every audit action the server writes has its Chinese name in the one list: the actions are found
 * in the source as written (literals, ternaries, the download table, templates) and looked up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../domain/audit-actions.ts';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !path.includes('/testing/') ? [path] : [];
  });
}

const ACTION = String.raw`[a-z_]+\.[a-z_.-]+`;
const PATTERNS = [
  new RegExp(String.raw`action: '(${ACTION})'`, 'g'),
  new RegExp(String.raw`action: \w+ \? '(${ACTION})' : '(${ACTION})'`, 'g'),
  new RegExp(String.raw`saveDraftModel\([^)]*'(${ACTION})'`, 'g'),
  new RegExp(String.raw`\[/.*/, '[a-z_]+', '(${ACTION})'\]`, 'g'),
];

/** The actions written in the source, and the prefixes of those built from a template (urge.${kind}). */
function writtenActions(): { actions: Set<string>; templates: Set<string> } {
  const actions = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/audit|action/.test(text)) continue;
    for (const re of PATTERNS) for (const m of text.matchAll(re)) for (const a of m.slice(1)) if (a) actions.add(a);
    for (const m of text.matchAll(/action: `([a-z_]+)\.\$\{/g)) templates.add(m[1]!);
  }
  return { actions, templates };
}

describe('audit action labels', () => {
  const { actions, templates } = writtenActions();
  const labelled = Object.keys(AUDIT_ACTION_LABELS);

  it('finds the actions the server writes', () => {
    expect(actions.size).toBeGreaterThan(50);
    expect(templates).toEqual(new Set(['urge', 'report']));
  });

  it('names every one in Chinese', () => {
    expect([...actions].filter((a) => !labelled.includes(a))).toEqual([]);
    for (const prefix of templates) expect(labelled.some((a) => a.startsWith(`${prefix}.`))).toBe(true);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows an unknown action as it is', () => {
    expect(auditActionLabel('urge.order')).toBe('下发督办单');
    expect(auditActionLabel('legacy.thing')).toBe('legacy.thing');
  });
});
