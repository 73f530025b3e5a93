// Confirm a deletion: a modal <dialog> (focus moves in and stays in, Escape cancels) that names
// the job, asks for its id to be typed, and offers deleteJob's options. A refusal stays in the
// dialog with the service's message; a synchronous deletion that takes long is handed back to
// the page after a moment, which reports its answer when it comes.
import { useId, useState } from 'preact/hooks';
import { formatRows } from '../format.ts';
import { ApiError, request } from '../graphql-client.ts';
import { DeleteJobMutation } from '../operations.ts';
import { useModal } from '../use-modal.ts';
import type { Job } from '../use-dashboard-data.ts';

export type DeleteAnswer = { kind: 'acknowledged' } | { kind: 'task'; taskId: string };
/** `pending`: the answer takes longer than the dialog waits; `background` says which wording fits. */
export type DeleteOutcome = DeleteAnswer | { kind: 'pending'; answer: Promise<DeleteAnswer>; background: boolean };

/** D4: without force, a job that is not closed is refused; force stops it first. */
const NOT_CLOSED = /because the job is (opened|opening|closing|failed)$/;

interface Props {
  apiKey: string;
  /** The job to delete; undefined when closed. */
  job?: Job;
  /** Undefined when cancelled. */
  onClose(outcome?: DeleteOutcome): void;
}

/** How long to hold the dialog for a synchronous answer before handing it to the page. */
const HOLD_MS = 1000;

export function DeleteDialog({ apiKey, job, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [force, setForce] = useState(false);
  const [background, setBackground] = useState(true);
  const [userAnnotations, setUserAnnotations] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const dialog = useModal(Boolean(job), () => {
    setTyped('');
    setForce(false);
    setBackground(true);
    setUserAnnotations(false);
    setBusy(false);
    setError(undefined);
  });

  if (!job) return <dialog ref={dialog} class="dialog" aria-labelledby="delete-title" />;

  const confirmed = typed.trim() === job.id;
  const open = job.state !== 'CLOSED';

  async function submit(event: Event, withForce = force) {
    event.preventDefault();
    if (!job || !confirmed || busy) return;
    setBusy(true);
    setError(undefined);
    const answer: Promise<DeleteAnswer> = request(apiKey, DeleteJobMutation, {
      jobId: job.id,
      force: withForce,
      waitForCompletion: !background,
      deleteUserAnnotations: userAnnotations,
    }).then(({ deleteJob: r }) => (r.__typename === 'DeletionTask' ? { kind: 'task', taskId: r.task } : { kind: 'acknowledged' }));
    const settled = await Promise.race([
      answer.then(
        (value) => ({ value }),
        (reason: unknown) => ({ reason }),
      ),
      new Promise<undefined>((resolve) => setTimeout(resolve, HOLD_MS)),
    ]);
    if (!settled) return onClose({ kind: 'pending', answer, background });
    if ('reason' in settled) {
      setError(settled.reason instanceof ApiError ? settled.reason : new ApiError(String(settled.reason)));
      setBusy(false);
      return;
    }
    onClose(settled.value);
  }

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-summary"
      onCancel={(e) => (busy ? e.preventDefault() : onClose())}
    >
      <form method="dialog" class="dialog-body" onSubmit={submit}>
        <h2 id="delete-title">
          Delete job <code>{job.id}</code>?
        </h2>
        <p id="delete-summary">
          This removes the job and the <strong>{formatRows(job.counts.total)}</strong> it owns: results, model snapshots and state, system annotations
          and its calendar memberships. It cannot be undone.
        </p>
        {job.datafeed && (
          <p class="alert alert-warning">
            Datafeed <code>{job.datafeed.id}</code> refers to this job: the service refuses to delete it until the datafeed is deleted.
          </p>
        )}

        <fieldset class="options">
          <legend>Options</legend>
          <Option
            checked={background}
            onChange={setBackground}
            label="Run in the background"
            hint="Answer at once with a task and follow its progress here (waitForCompletion: false)."
          />
          <Option
            checked={force}
            onChange={setForce}
            label="Force"
            hint={
              open
                ? `The job is ${job.state.toLowerCase()}: force stops it first, then deletes it.`
                : 'Delete even if the job is open: its process is stopped first.'
            }
          />
          <Option
            checked={userAnnotations}
            onChange={setUserAnnotations}
            label="Delete user annotations too"
            hint="By default, annotations people wrote are kept."
          />
        </fieldset>

        <label class="field">
          <span class="field-label">
            Type <code>{job.id}</code> to confirm
          </span>
          <input
            type="text"
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            aria-describedby={error ? 'delete-error' : undefined}
          />
        </label>

        {error && (
          <p id="delete-error" class="alert alert-error" role="alert">
            {error.message}
            <span class="code">{error.code}</span>
            {!force && error.code === 'CONFLICT' && NOT_CLOSED.test(error.message) && (
              <button
                type="button"
                class="button button-danger-outline button-small alert-action"
                onClick={(e) => {
                  setForce(true);
                  void submit(e, true);
                }}
              >
                Retry with force
              </button>
            )}
          </p>
        )}

        <div class="dialog-actions">
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" class="button button-danger" disabled={!confirmed || busy}>
            {busy ? 'Deleting…' : `Delete ${job.id}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Option(props: { checked: boolean; onChange(value: boolean): void; label: string; hint: string }) {
  const id = useId();
  return (
    <div class="option">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>
        <label for={id} class="option-label">
          {props.label}
        </label>
        <span id={`${id}-hint`} class="hint">
          {props.hint}
        </span>
      </span>
    </div>
  );
}
