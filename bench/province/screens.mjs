// The screens a province office, a leader and a unit open most, as the web app requests them,
// and who opens them how often. Each screen is one or more GETs made together.

export const SCREENS = {
  // 优化办 (province and city offices)
  'office: plans': (_u) => ['/api/plans'],
  'office: plan tasks': (u) => [`/api/plans/${u.planId}`, `/api/plans/${u.planId}/tasks?page=${1 + (u.n++ % 5)}&pageSize=20`],
  // The task list endpoint alone (not in the mix): measured against its bare SQL side by side.
  'office: task list': (u) => [`/api/plans/${u.planId}/tasks?page=1&pageSize=20`],
  'office: plan search': (u) => [`/api/plans/${u.planId}/tasks?q=${encodeURIComponent('一网通办')}&page=1&pageSize=20`],
  'office: unit filter': (u) => [`/api/plans/${u.planId}/tasks?unit=${u.filterUnit}&page=1&pageSize=20`],
  'office: all tasks': (_u) => ['/api/tasks?page=1&pageSize=20'],
  'office: review queue': (_u) => ['/api/review-queue'],
  'office: lights board': (u) => [`/api/plans/${u.planId}/lights`],
  'office: dashboard': (u) => [`/api/stats?plan=${u.planId}`],
  'office: audit': (_u) => ['/api/audit?page=1&pageSize=50'],
  'office: task': (u) => [`/api/tasks/${u.taskId}`, `/api/tasks/${u.taskId}/reports`],
  'office: workbench': (_u) => ['/api/workbench'],
  // 分管领导
  'leader: cockpit': (u) => [`/api/plans/${u.planId}/cockpit`],
  'leader: dashboard': (u) => [`/api/stats?plan=${u.planId}`],
  'leader: lights board': (u) => [`/api/plans/${u.planId}/lights`],
  'leader: plan tasks': (u) => [`/api/plans/${u.planId}/tasks?page=1&pageSize=20`],
  // 单位
  // The landing page (待办) and 我的任务 as the web's page requests it.
  'unit: workbench': (_u) => ['/api/workbench'],
  'unit: my tasks': (_u) => ['/api/my-tasks/search?group=state&page=1&pageSize=50'],
  // The plain list (the task's reports tab and older clients): measured, not in the mix.
  'unit: task reports tab': (_u) => ['/api/my-tasks'],
  'unit: task': (u) => [`/api/tasks/${u.taskId}`, `/api/tasks/${u.taskId}/reports`],
  'unit: notifications': (_u) => ['/api/notifications'],
};

/** Relative frequency of each screen per role. */
export const MIX = {
  office: { 'office: plans': 1, 'office: plan tasks': 4, 'office: plan search': 2, 'office: unit filter': 1, 'office: all tasks': 1, 'office: review queue': 3, 'office: lights board': 2, 'office: dashboard': 2, 'office: audit': 1, 'office: task': 3, 'office: workbench': 2 },
  leader: { 'leader: dashboard': 3, 'leader: cockpit': 3, 'leader: lights board': 2, 'leader: plan tasks': 2 },
  unit: { 'unit: workbench': 3, 'unit: my tasks': 4, 'unit: task': 4, 'unit: notifications': 2 },
};

export function pick(role, r) {
  const entries = Object.entries(MIX[role]);
  let x = r * entries.reduce((a, [, w]) => a + w, 0);
  for (const [name, w] of entries) { if ((x -= w) < 0) return name; }
  return entries.at(-1)[0];
}
