// Response shapes of the REST API (/api), as agreed in the issue-2 contract. Field names are the
// server's camelCase names; the web app never renames them.

export type Role = 'admin' | 'office' | 'leader' | 'unit';
export type RegionLevel = 'province' | 'city' | 'county' | 'district' | 'park';

export interface RegionRef {
  id: number;
  name: string;
}

export interface Region extends RegionRef {
  level: RegionLevel;
  parentId: number | null;
}

export interface UnitRef {
  id: number;
  name: string;
}

export interface Me {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  roleName: string;
  region: RegionRef & { level: RegionLevel };
  unit: UnitRef | null;
  /** An initial or reset password: only the password change is allowed until it is done. */
  mustChangePassword: boolean;
  permissions: { managePlans: boolean; manageUsers: boolean; confirmExtensions: boolean; administer: boolean };
}

export interface PlanSummary {
  id: number;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  year: number | null;
  region: RegionRef & { level: RegionLevel };
  layout: 'table' | 'prose';
  indicatorCount: number;
  taskCount: number;
}

export interface SubIndicator {
  code: string | null;
  name: string;
  taskCount: number;
}

export interface Indicator {
  id: number;
  seq: number;
  kind: 'indicator' | 'section';
  name: string;
  scope: string | null;
  leader: string | null;
  annualTarget: string | null;
  leadUnits: string[];
  aliases: string[];
  taskCount: number;
  subIndicators: SubIndicator[];
}

export interface PlanDetail extends PlanSummary {
  responsibleUnitsNote: string | null;
  basis: string[];
  indicators: Indicator[];
}

export interface Task {
  id: number;
  planId: number;
  seq: number;
  seqCn: string | null;
  indicator: { id: number; seq: number; name: string; kind: 'indicator' | 'section' } | null;
  subIndicatorCode: string | null;
  subIndicator: string | null;
  text: string;
  leader: string | null;
  leadUnits: UnitRef[];
  responsibleUnits: UnitRef[];
  responsibleUnitsOpen: boolean;
  deadline: string | null;
  deadlineRaw: string | null;
  annualTarget: string | null;
  basis: string[];
  remarks: string | null;
  notes: string[];
  uncertain: string[];
}

export interface TaskDetail extends Task {
  plan: { id: number; title: string };
  permissions: { edit: boolean; report: boolean; requestExtension: boolean };
  /** Supervision state as the server computed it (the web never recomputes lights or deadlines). */
  supervision: {
    plannedDueOn: string | null;
    dueOn: string | null;
    extended: boolean;
    ongoing: boolean;
    completedOn: string | null;
    light: 'green' | 'yellow' | 'red' | 'done';
    reasons: string[];
    overdue: boolean;
    nearDue: boolean;
  };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type UnitKind = 'department' | 'government' | 'utility' | 'court' | 'bank' | 'collective' | 'other';

export interface Unit {
  id: number;
  name: string;
  aliases: string[];
  kind: UnitKind;
  region: RegionRef;
  leadTaskCount: number;
  responsibleTaskCount: number;
}

export interface UserRow {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  roleName: string;
  region: RegionRef;
  unit: UnitRef | null;
  unitHead: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface NewUser {
  login: string;
  password: string;
  displayName: string;
  role: Role;
  regionId: number;
  unitId?: number;
  mustChangePassword?: boolean;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  regionId?: number;
  unitId?: number | null;
  unitHead?: boolean;
}

export interface Stats {
  planCount: number;
  taskCount: number;
  unitCount: number;
  dueThisMonth: number;
  /** 逾期未办结 and 临期 as the server's supervision model counts them. */
  overdue: number;
  nearDue: number;
  byIndicator: { indicatorId: number; name: string; count: number }[];
  byDeadline: { month: string; count: number }[];
}

export interface Items<T> {
  items: T[];
}
