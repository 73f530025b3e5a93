// Messages about what happened: refusals and failures stay until dismissed, the rest fade after
// a few seconds. Announced politely (errors assertively) to screen readers.
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';

export type NoticeKind = 'info' | 'success' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  code?: string;
}

const FADE_MS = 8000;

export function useNotices() {
  const [list, setList] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setList((all) => all.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (kind: NoticeKind, text: string, code?: string) => {
      const id = next.current++;
      setList((all) => [...all.slice(-4), { id, kind, text, code }]);
      if (kind !== 'error') setTimeout(() => dismiss(id), FADE_MS);
    },
    [dismiss],
  );
  return useMemo(() => ({ list, push, dismiss }), [list, push, dismiss]);
}

export function Notices({ notices }: { notices: ReturnType<typeof useNotices> }) {
  const errors = notices.list.filter((n) => n.kind === 'error');
  const others = notices.list.filter((n) => n.kind !== 'error');
  return (
    <div class="notices">
      <div role="alert">
        {errors.map((n) => (
          <NoticeItem key={n.id} notice={n} onDismiss={notices.dismiss} />
        ))}
      </div>
      <div role="status" aria-live="polite">
        {others.map((n) => (
          <NoticeItem key={n.id} notice={n} onDismiss={notices.dismiss} />
        ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  return (
    <div class={`alert alert-${notice.kind} notice`}>
      <p>
        {notice.text}
        {notice.code && <span class="code">{notice.code}</span>}
      </p>
      <button type="button" class="button button-icon" aria-label="Dismiss message" onClick={() => onDismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}
