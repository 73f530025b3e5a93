// tasksConnection: paged and filtered tasks, newest first (src/tasks/task-pages.ts).
import { pageTasks } from '../tasks/task-pages.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { connectionOf, pageArgs } from './page-info.ts';
import { Task, TaskState } from './task.ts';

const TaskConnection = connectionOf(Task, 'Task', 'Tasks matching the filter, whatever the page.');

export const TaskFilter = builder.inputType('TaskFilter', {
  description: 'Tasks that match every criterion given.',
  fields: (t) => ({
    actions: t.string({ description: '`*` wildcards allowed, as in tasks(actions).' }),
    states: t.field({ type: [TaskState], description: 'Any of these states.' }),
    jobId: t.id({ description: 'Only the tasks of this job (deletions, also of a job that is gone).' }),
  }),
});

builder.queryField('tasksConnection', (t) =>
  t.field({
    type: TaskConnection,
    description: 'Paged tasks (first at most 500), newest first.',
    args: { ...pageArgs(t.arg), filter: t.arg({ type: TaskFilter, description: 'Which tasks; all when absent.' }) },
    resolve: guarded('tasksConnection', ({ filter, ...page }, ctx) => pageTasks(ctx.services.db, page, filter)),
  }),
);
