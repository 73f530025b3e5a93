/** The pg-boss queue of deletions: the runner works it, /ready checks that it is installed. */
export const TASK_QUEUE = 'delete-job';
