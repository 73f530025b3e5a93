// States as small coloured labels; the words carry the meaning, the colour only helps.
import { formatPercent } from '../format.ts';
import type { Job, Task } from '../use-dashboard-data.ts';

const JOB_TONE: Record<Job['state'], string> = {
  CLOSED: 'neutral',
  OPENED: 'good',
  OPENING: 'info',
  CLOSING: 'info',
  FAILED: 'bad',
};

export function JobStateBadge({ state }: { state: Job['state'] }) {
  return <span class={`badge badge-${JOB_TONE[state]}`}>{state.toLowerCase()}</span>;
}

export function TaskStateBadge({ task }: { task: Pick<Task, 'state' | 'progress'> }) {
  switch (task.state) {
    case 'COMPLETED':
      return <span class="badge badge-good">completed</span>;
    case 'FAILED':
      return <span class="badge badge-bad">failed</span>;
    case 'QUEUED':
      return <span class="badge badge-info">queued</span>;
    case 'RUNNING':
      return <span class="badge badge-info">running · {formatPercent(task.progress.percent)}</span>;
  }
}
