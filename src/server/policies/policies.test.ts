/**
 * The policy modules as plain functions: what each kind of user may do with each record, and the
 * SQL conditions that keep a unit to its own records (rendered, so removing a filter fails here).
 */
import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { Actor, Role } from '../auth/actor.ts';
import { mayReadAuditDetails, mayReadAuditLog, visibleAuditEntries } from './activity.policy.ts';
import { globalPermissions } from './me.policy.ts';
import { reportPermissions, type ReportFacts } from './report.policy.ts';
import { extensionPermissions, urgePermissions, visibleExtensionRequests, visibleUrges } from './supervision.policy.ts';
import { taskPermissions, type TaskFacts } from './task.policy.ts';
import { grantableRoles } from './user.policy.ts';

const OWN_UNIT = 11;
const OTHER_UNIT = 12;
const COLLECTIVE = 90;

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  const unit = role === 'unit' ? { id: OWN_UNIT, name: '市发展改革委' } : null;
  return {
    userId: 1, login: role, displayName: role, role, roleName: role, region: { id: 1, name: '邵阳市', level: 'city' }, unit,
    regionIds: [1, 2], unitIds: unit ? [unit.id] : [], isUnitHead: false, mustChangePassword: false, ...extra,
  };
}
const office = actor('office');
const leader = actor('leader');
const admin = actor('admin');
const unit = actor('unit');
const head = actor('unit', { isUnitHead: true });
const member = actor('unit', { unitIds: [OWN_UNIT, COLLECTIVE] });

/** The SQL text and parameters of a condition, as PostgreSQL receives it. */
function render(condition: SQL | undefined): { sql: string; params: unknown[] } | undefined {
  return condition ? new PgDialect().sqlToQuery(condition) : undefined;
}

describe('task.policy: what a user may do with a task', () => {
  const facts = (over: Partial<TaskFacts> = {}): TaskFacts => ({
    links: [{ unitId: OWN_UNIT, role: 'lead' }, { unitId: OTHER_UNIT, role: 'responsible' }], dueOn: '2026-06-30', completed: false, leadReportedDone: false, today: '2026-03-01', ...over,
  });
  it('lets the lead unit report, consolidate and ask for an extension before the due date', () => {
    expect(taskPermissions(unit, facts())).toEqual({ edit: false, report: true, consolidate: true, requestExtension: true, urge: false, complete: false });
    expect(taskPermissions(unit, facts({ today: '2026-07-01' })).requestExtension).toBe(false);
    expect(taskPermissions(unit, facts({ completed: true })).requestExtension).toBe(false);
    expect(taskPermissions(unit, facts({ dueOn: null })).requestExtension).toBe(false);
  });
  it('lets a responsible unit report without consolidating; a unit not linked does nothing', () => {
    const links: TaskFacts['links'] = [{ unitId: OTHER_UNIT, role: 'lead' }, { unitId: OWN_UNIT, role: 'responsible' }];
    expect(taskPermissions(unit, facts({ links }))).toMatchObject({ report: true, consolidate: false });
    expect(taskPermissions(unit, facts({ links: [{ unitId: OTHER_UNIT, role: 'lead' }] }))).toMatchObject({ report: false, consolidate: false, requestExtension: false });
  });
  it('lets a member of a collective report on the collective\'s task', () => {
    expect(taskPermissions(member, facts({ links: [{ unitId: COLLECTIVE, role: 'lead' }] }))).toMatchObject({ report: true, consolidate: true });
  });
  it('lets the office edit, urge and complete once the lead unit reported it done; leaders only read', () => {
    expect(taskPermissions(office, facts())).toEqual({ edit: true, report: false, consolidate: false, requestExtension: false, urge: true, complete: false });
    expect(taskPermissions(office, facts({ leadReportedDone: true })).complete).toBe(true);
    expect(taskPermissions(office, facts({ leadReportedDone: true, completed: true })).complete).toBe(false);
    expect(Object.values(taskPermissions(leader, facts({ leadReportedDone: true }))).some(Boolean)).toBe(false);
  });
});

describe('report.policy: who reviews a report, who completes on it', () => {
  const links: ReportFacts['links'] = [{ unitId: OWN_UNIT, role: 'lead' }, { unitId: OTHER_UNIT, role: 'responsible' }];
  const report = (over: Partial<ReportFacts> = {}): ReportFacts => ({ role: 'lead', state: 'submitted', status: 'in_progress', links, taskCompleted: false, ...over });
  it('gives a submitted lead report to the office, a responsible one to the lead unit', () => {
    expect(reportPermissions(office, report()).review).toBe(true);
    expect(reportPermissions(unit, report()).review).toBe(false);
    expect(reportPermissions(unit, report({ role: 'responsible' })).review).toBe(true);
    expect(reportPermissions(office, report({ role: 'responsible' })).review).toBe(false);
    expect(reportPermissions(leader, report()).review).toBe(false);
  });
  it('reviews only what is submitted', () => {
    for (const state of ['draft', 'returned', 'accepted'] as const) expect(reportPermissions(office, report({ state })).review).toBe(false);
  });
  it('completes the task on an accepted lead report saying done, once', () => {
    expect(reportPermissions(office, report({ state: 'accepted', status: 'done' })).completeTask).toBe(true);
    expect(reportPermissions(office, report({ state: 'accepted', status: 'in_progress' })).completeTask).toBe(false);
    expect(reportPermissions(office, report({ state: 'accepted', status: 'done', taskCompleted: true })).completeTask).toBe(false);
    expect(reportPermissions(office, report({ role: 'responsible', state: 'accepted', status: 'done' })).completeTask).toBe(false);
    expect(reportPermissions(unit, report({ state: 'accepted', status: 'done' })).completeTask).toBe(false);
  });
});

describe('supervision.policy: urges and extension requests', () => {
  it('shows a unit only its own urges and extension requests (the filter names its unit)', () => {
    for (const condition of [visibleUrges(unit), visibleExtensionRequests(unit)]) {
      const q = render(condition);
      expect(q?.sql).toMatch(/"unit_id" = \$1$/);
      expect(q?.params).toEqual([OWN_UNIT]);
    }
    // A member of a collective sees its own unit's records, not the collective's (its fellow members').
    expect(render(visibleUrges(member))?.params).toEqual([OWN_UNIT]);
    expect(render(visibleUrges(actor('unit', { unit: null })))?.sql).toBe('false');
  });
  it('shows the office and leaders every urge of a task they see', () => {
    expect(visibleUrges(office)).toBeUndefined();
    expect(visibleUrges(leader)).toBeUndefined();
  });
  it('lets only the addressed unit reply, once', () => {
    expect(urgePermissions(unit, { unitId: OWN_UNIT, repliedAt: null }).reply).toBe(true);
    expect(urgePermissions(unit, { unitId: OWN_UNIT, repliedAt: new Date() }).reply).toBe(false);
    expect(urgePermissions(unit, { unitId: OTHER_UNIT, repliedAt: null }).reply).toBe(false);
    expect(urgePermissions(office, { unitId: OWN_UNIT, repliedAt: null }).reply).toBe(false);
  });
  it('lets only the head of the asking unit confirm, and only the office decide', () => {
    const pendingHead = { unitId: OWN_UNIT, state: 'pending_head' as const };
    expect(extensionPermissions(head, pendingHead)).toEqual({ confirm: true, decide: false });
    expect(extensionPermissions(unit, pendingHead).confirm).toBe(false);
    expect(extensionPermissions(head, { ...pendingHead, unitId: OTHER_UNIT }).confirm).toBe(false);
    expect(extensionPermissions(office, pendingHead)).toEqual({ confirm: false, decide: false });
    expect(extensionPermissions(office, { unitId: OWN_UNIT, state: 'pending_office' })).toEqual({ confirm: false, decide: true });
    expect(extensionPermissions(leader, { unitId: OWN_UNIT, state: 'pending_office' }).decide).toBe(false);
    expect(extensionPermissions(office, { unitId: OWN_UNIT, state: 'approved' }).decide).toBe(false);
  });
});

describe('activity.policy: timelines and the audit log', () => {
  it('shows a unit the details of its own unit\'s actions only', () => {
    expect(mayReadAuditDetails(unit, OWN_UNIT)).toBe(true);
    expect(mayReadAuditDetails(unit, OTHER_UNIT)).toBe(false);
    expect(mayReadAuditDetails(unit, null)).toBe(false);
    expect(mayReadAuditDetails(office, OTHER_UNIT)).toBe(true);
  });
  it('keeps the audit log to the office, within its regions', () => {
    expect([office, leader, unit, admin].map(mayReadAuditLog)).toEqual([true, false, false, false]);
    expect(render(visibleAuditEntries(unit))?.sql).toBe('false');
    expect(render(visibleAuditEntries(office))?.params).toEqual([[1, 2], 'task', [1, 2], 'plan', [1, 2]]);
  });
});

describe('me.policy and user.policy: global permissions', () => {
  it('gives each role its menus', () => {
    const g = (a: Actor) => globalPermissions(a);
    expect(g(office)).toMatchObject({ managePlans: true, manageUsers: true, reviewReports: true, readLights: true, readAssessment: true, manageAssessment: true, readDocuments: true, writeDocuments: true, readAuditLog: true, fileReports: false, administer: false });
    expect(g(leader)).toMatchObject({ managePlans: false, manageUsers: false, reviewReports: false, readReviewQueue: true, readLights: true, readAssessment: true, manageAssessment: false, readDocuments: true, writeDocuments: false, readAuditLog: false });
    expect(g(unit)).toMatchObject({ fileReports: true, readReviewQueue: false, readLights: false, readAssessment: false, readDocuments: false, confirmExtensions: false, grantRoles: [] });
    expect(g(head).confirmExtensions).toBe(true);
    expect(g(admin)).toMatchObject({ administer: true, manageUsers: true, managePlans: false });
  });
  it('lets only an administrator make administrators', () => {
    expect(grantableRoles(admin)).toContain('admin');
    expect(grantableRoles(office)).toEqual(['office', 'leader', 'unit']);
    expect(grantableRoles(leader)).toEqual([]);
  });
});
