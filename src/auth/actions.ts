// Which privilege each operation needs (D2). Action names are Elasticsearch's, because the
// FORBIDDEN message names the action attempted.
import type { ClusterPrivilege } from '../generated/prisma/enums.ts';

// `authenticated`: any valid key (who am I, global ids whose types are then checked one by one).
export type Access = 'read' | 'write' | 'security' | 'authenticated';

export const ACTIONS = {
  job: ['cluster:monitor/xpack/ml/job/get', 'read'],
  jobs: ['cluster:monitor/xpack/ml/job/get', 'read'],
  datafeed: ['cluster:monitor/xpack/ml/datafeeds/get', 'read'],
  task: ['cluster:monitor/task/get', 'read'],
  tasks: ['cluster:monitor/tasks/lists', 'read'],
  taskProgress: ['cluster:monitor/task/get', 'read'],
  annotations: ['cluster:monitor/xpack/ml/annotations/get', 'read'],
  calendar: ['cluster:monitor/xpack/ml/calendars/get', 'read'],
  notifications: ['cluster:monitor/xpack/ml/notifications/get', 'read'],
  putJob: ['cluster:admin/xpack/ml/job/put', 'write'],
  openJob: ['cluster:admin/xpack/ml/job/open', 'write'],
  closeJob: ['cluster:admin/xpack/ml/job/close', 'write'],
  putDatafeed: ['cluster:admin/xpack/ml/datafeeds/put', 'write'],
  startDatafeed: ['cluster:admin/xpack/ml/datafeed/start', 'write'],
  stopDatafeed: ['cluster:admin/xpack/ml/datafeed/stop', 'write'],
  deleteDatafeed: ['cluster:admin/xpack/ml/datafeeds/delete', 'write'],
  ingestResults: ['cluster:admin/xpack/ml/job/data/post', 'write'],
  putAnnotation: ['cluster:admin/xpack/ml/annotations/put', 'write'],
  putCalendar: ['cluster:admin/xpack/ml/calendars/put', 'write'],
  deleteJob: ['cluster:admin/xpack/ml/job/delete', 'write'],
  apiKeys: ['cluster:admin/xpack/security/api_key/get', 'security'],
  createApiKey: ['cluster:admin/xpack/security/api_key/create', 'security'],
  invalidateApiKey: ['cluster:admin/xpack/security/api_key/invalidate', 'security'],
  currentApiKey: ['cluster:admin/xpack/security/user/authenticate', 'authenticated'],
  node: ['cluster:monitor/xpack/ml/node/get', 'authenticated'],
  jobsConnection: ['cluster:monitor/xpack/ml/job/get', 'read'],
  tasksConnection: ['cluster:monitor/tasks/lists', 'read'],
  jobEvents: ['cluster:monitor/xpack/ml/job/get', 'read'],
  taskEvents: ['cluster:monitor/tasks/lists', 'read'],
} as const satisfies Record<string, readonly [string, Access]>;

export type Operation = keyof typeof ACTIONS;

const GRANTS: Record<Access, readonly ClusterPrivilege[]> = {
  read: ['ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML'],
  write: ['ALL', 'MANAGE', 'MANAGE_ML'],
  security: ['ALL', 'MANAGE_SECURITY'],
  authenticated: ['ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML', 'MANAGE_SECURITY'],
};

export function allows(privileges: readonly ClusterPrivilege[], access: Access): boolean {
  return privileges.some((p) => GRANTS[access].includes(p));
}
