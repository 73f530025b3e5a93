import type { TaskRow } from '../tasks/task-store.ts';
import { getTask, isTerminal, listTasks, MAX_TASKS } from '../tasks/task-store.ts';
import { watchTask } from '../tasks/watch.ts';
import { assertTaskId } from '../tasks/task-ids.ts';
import { PHASE_CONFIG, PHASE_STOPPING, STEPS } from '../deletion/plan.ts';
import { Acknowledged } from './acknowledged.ts';
import { builder } from './builder.ts';
import { authorize, guarded } from './guard.ts';
import { shareLoadersAcrossSubscribers } from './loaders.ts';
import { Node, nodeIdOf } from './node.ts';

export const TaskState = builder.enumType('TaskState', {
  values: {
    QUEUED: { description: 'Accepted, not yet picked up by a runner.' },
    RUNNING: {},
    COMPLETED: {},
    FAILED: {},
  } as const,
});

/** Every phase a deletion task shows, in order (TaskProgress.phase's documented values). */
const PHASES = ['QUEUED', 'STARTING', PHASE_STOPPING, ...new Set(STEPS.map((step) => step.phase)), PHASE_CONFIG, 'DONE'];

interface ProgressView {
  phase: string;
  deleted: number;
  total: number;
  percent: number;
}

/** D17: percent only grows; a COMPLETED task shows 100. */
export function progressOf(task: TaskRow): ProgressView {
  const percent = task.state === 'COMPLETED' ? 100 : task.total > 0 ? Math.min(100, Math.floor((task.deleted * 10_000) / task.total) / 100) : 0;
  return { phase: task.phase, deleted: task.deleted, total: task.total, percent };
}

const TaskProgress = builder.objectRef<ProgressView>('TaskProgress').implement({
  fields: (t) => ({
    phase: t.exposeString('phase', {
      description: `Name of the step now running, e.g. RESULTS, MODEL_STATE, CONFIG (service-defined, stable). In order: ${PHASES.join(', ')}.`,
    }),
    deleted: t.exposeInt('deleted', { description: 'Rows removed so far, and the rows this deletion removes, counted when the task started.' }),
    total: t.exposeInt('total'),
    percent: t.exposeFloat('percent', { description: '0..100, never decreasing over the life of a task.' }),
  }),
});

const TaskError = builder.objectRef<{ type: string; reason: string }>('TaskError').implement({
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Machine-readable, e.g. status_exception.' }),
    reason: t.exposeString('reason'),
  }),
});

export const Task = builder.objectRef<TaskRow>('Task');

Task.implement({
  description: "A long-running operation, like Elasticsearch's task management API.",
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('Task')),
    id: t.exposeID('id', { description: 'Opaque; Elasticsearch style is `<nodeId>:<number>`.' }),
    action: t.exposeString('action', { description: 'For job deletion: cluster:admin/xpack/ml/job/delete' }),
    description: t.exposeString('description', { description: 'For job deletion: delete-job-<jobId>' }),
    state: t.field({ type: TaskState, resolve: (task) => task.state }),
    completed: t.boolean({ resolve: (task) => isTerminal(task) }),
    startTime: t.field({ type: 'DateTime', resolve: (task) => task.startTime }),
    runningTimeNanos: t.string({
      resolve: (task) => String(BigInt((task.endTime ?? new Date()).getTime() - task.startTime.getTime()) * 1_000_000n),
    }),
    progress: t.field({ type: TaskProgress, resolve: progressOf }),
    response: t.field({
      type: Acknowledged,
      nullable: true,
      description: 'Set once completed successfully.',
      resolve: (task) => (task.state === 'COMPLETED' ? { acknowledged: true } : null),
    }),
    error: t.field({
      type: TaskError,
      nullable: true,
      description: 'Set once failed.',
      resolve: (task) => (task.state === 'FAILED' ? { type: task.errorType ?? 'exception', reason: task.errorReason ?? '' } : null),
    }),
    jobId: t.exposeID('jobId', { description: 'The job a deletion task is about (kept after the job is gone).' }),
    attempts: t.exposeInt('attempts', {
      description:
        'Times the work was started: 1 for a run that met no transient error; more after retries (connection loss, lock timeouts, …) or a takeover.',
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'The last error the work met: a transient one it retried (the task goes on), or the one that failed it.',
    }),
  }),
});

builder.queryFields((t) => ({
  task: t.field({
    type: Task,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: guarded('task', ({ id }, ctx) => getTask(ctx.services.db, id)),
  }),
  tasks: t.field({
    type: [Task],
    description: 'Tasks whose action matches (`*` wildcards allowed), newest first.',
    args: {
      actions: t.arg.string(),
      limit: t.arg.int({ description: `At most this many, the newest (1 to ${MAX_TASKS}).`, defaultValue: MAX_TASKS }),
    },
    resolve: guarded('tasks', ({ actions, limit }, ctx) => listTasks(ctx.services.db, actions, limit ?? MAX_TASKS)),
  }),
}));

builder.subscriptionFields((t) => ({
  taskProgress: t.field({
    type: Task,
    description: "Emits the task's current state at once, then on every change; completes after COMPLETED or FAILED.",
    args: { id: t.arg.id({ required: true }) },
    // Checks and the first read happen before the stream starts, so a refusal is a plain
    // GraphQL error (D19) rather than a broken stream.
    subscribe: async (_parent, { id }, ctx) => {
      authorize(ctx, 'taskProgress');
      assertTaskId(id);
      shareLoadersAcrossSubscribers(ctx);
      return watchTask(ctx.services.db, ctx.services.pubsub, id);
    },
    resolve: (task) => task,
  }),
}));
