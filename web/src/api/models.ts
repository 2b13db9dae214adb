// The records of the API as the web uses them, each named after the operation that answers it in
// the generated OpenAPI types (schema.d.ts): nothing here is written by hand, so nothing can drift.
import type { Body, Item, Ok } from './contract.ts';


export type Me = Ok<'/api/me', 'get'>;
export type Permissions = Me['permissions'];
export type Role = Me['role'];

export type PlanSummary = Item<Ok<'/api/plans', 'get'>>;
export type PlanDetail = Ok<'/api/plans/{id}', 'get'>;
export type Indicator = PlanDetail['indicators'][number];

export type TaskPage = Ok<'/api/tasks', 'get'>;
export type Task = Item<TaskPage>;
export type TaskDetail = Ok<'/api/tasks/{id}', 'get'>;
export type TaskTarget = TaskDetail['targets'][number];
export type UnitRef = Task['leadUnits'][number];

export type Unit = Item<Ok<'/api/units', 'get'>>;
export type UnitKind = Unit['kind'];
export type Region = Item<Ok<'/api/regions', 'get'>>;
export type RegionLevel = Region['level'];

export type UserRow = Item<Ok<'/api/users', 'get'>>;
export type NewUser = Body<'/api/users', 'post'>;
export type UserChanges = Body<'/api/users/{id}', 'patch'>;
export type Stats = Ok<'/api/stats', 'get'>;

export type Report = Item<Ok<'/api/tasks/{id}/reports', 'get'>>;
export type ReportState = Report['state'];
export type ReportStatus = Report['status'];
export type Attachment = Report['attachments'][number];
export type ReportInput = Body<'/api/tasks/{id}/reports', 'post'>;
export type QueuedReport = Item<Ok<'/api/review-queue', 'get'>>;
export type MyTask = Item<Ok<'/api/my-tasks', 'get'>>;

export type Urge = Item<Ok<'/api/tasks/{id}/urges', 'get'>>;
export type ExtensionRequest = Item<Ok<'/api/tasks/{id}/extension-requests', 'get'>>;
export type ExtensionState = ExtensionRequest['state'];
export type PlanLights = Ok<'/api/plans/{id}/lights', 'get'>;
export type Light = PlanLights['tasks'][number]['light'];
export type LightCounts = Omit<PlanLights['trend'][number], 'period'>;
export type SupervisionSettings = Body<'/api/plans/{id}/supervision', 'put'>;
export type SupervisionSettingsView = Ok<'/api/plans/{id}/supervision', 'get'>;

export type AuditEntry = Item<Ok<'/api/tasks/{id}/timeline', 'get'>>;
export type Notification = Item<Ok<'/api/notifications', 'get'>>;
