import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A <dialog> shown as a modal while `open` (focus moves in and stays in, Escape cancels).
 * `reset` runs as it opens, before paint, so the previous answers never show.
 */
export function useModal(open: boolean, reset: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      reset();
      el.showModal();
    } else if (!open && el.open) el.close();
  }, [open]);
  return dialog;
}
