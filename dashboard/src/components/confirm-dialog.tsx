// A modal confirmation (focus moves in and stays in, Escape cancels) for actions that need no
// typed id: removing a datafeed, deleting several jobs. `run` does the work; a refusal stays in
// the dialog with the service's message, success closes it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../graphql-client.ts';
import { useModal } from '../use-modal.ts';

interface Props {
  open: boolean;
  title: ComponentChildren;
  /** The accessible name of the dialog (its title as plain text). */
  label: string;
  confirmLabel: string;
  busyLabel: string;
  children: ComponentChildren;
  run(): Promise<void>;
  onClose(done: boolean): void;
}

export function ConfirmDialog({ open, title, label, confirmLabel, busyLabel, children, run, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const dialog = useModal(open, () => {
    setBusy(false);
    setError(undefined);
  });

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await run();
      onClose(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err)));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} class="dialog" aria-label={label} onCancel={(e) => (busy ? e.preventDefault() : onClose(false))}>
      {open && (
        <form method="dialog" class="dialog-body" onSubmit={submit}>
          <h2>{title}</h2>
          {children}
          {error && (
            <p class="alert alert-error" role="alert">
              {error.message}
              <span class="code">{error.code}</span>
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="button button-secondary" disabled={busy} onClick={() => onClose(false)}>
              Cancel
            </button>
            <button type="submit" class="button button-danger" disabled={busy} autoFocus>
              {busy ? busyLabel : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
