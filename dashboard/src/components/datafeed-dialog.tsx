// Unblocks a job whose datafeed refers to it (D6): stops the datafeed if it runs, then deletes it,
// after a confirmation that names both.
import { request } from '../graphql-client.ts';
import { DeleteDatafeedMutation, StopDatafeedMutation } from '../operations.ts';
import type { Job } from '../use-dashboard-data.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

interface Props {
  apiKey: string;
  /** The job whose datafeed goes; undefined when closed. */
  job?: Job;
  onClose(done: boolean): void;
}

export function DatafeedDialog({ apiKey, job, onClose }: Props) {
  const datafeed = job?.datafeed;
  const running = datafeed && datafeed.state !== 'STOPPED';
  async function run() {
    if (!datafeed) return;
    if (running) await request(apiKey, StopDatafeedMutation, { datafeedId: datafeed.id });
    await request(apiKey, DeleteDatafeedMutation, { datafeedId: datafeed.id });
  }
  return (
    <ConfirmDialog
      open={Boolean(datafeed)}
      label={`Remove datafeed ${datafeed?.id ?? ''}?`}
      title={
        <>
          Remove datafeed <code>{datafeed?.id}</code>?
        </>
      }
      confirmLabel={running ? 'Stop and delete datafeed' : 'Delete datafeed'}
      busyLabel="Removing…"
      run={run}
      onClose={onClose}
    >
      <p>
        {running ? 'The datafeed is stopped, then deleted' : 'The datafeed is deleted'}; it stops feeding job <code>{job?.id}</code>, which can then
        be deleted. The job and its results stay.
      </p>
    </ConfirmDialog>
  );
}
