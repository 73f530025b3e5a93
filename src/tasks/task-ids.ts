// Task ids are `<nodeId>:<number>` like Elasticsearch's (D15); the number comes from the
// tasks.seq sequence, so ids are unique across every instance sharing the database.
import { BadInputError } from '../errors.ts';

export const MAX_TASK_ID_LENGTH = 200;

/** D19: an id without ':' is malformed. */
export function assertTaskId(id: string): void {
  if (id.length > MAX_TASK_ID_LENGTH || !id.includes(':')) {
    throw new BadInputError(`malformed task id ${id.length > MAX_TASK_ID_LENGTH ? id.slice(0, MAX_TASK_ID_LENGTH) + '…' : id}`);
  }
}

/** What every task id of `nodeId` starts with (the SQL that makes a task in one statement takes it: at-once.ts). */
export const taskIdPrefix = (nodeId: string) => `${nodeId}:`;
export const taskId = (nodeId: string, seq: bigint | number) => `${taskIdPrefix(nodeId)}${seq}`;
