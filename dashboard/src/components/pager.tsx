// Previous / next over a connection's cursors, with where the page is in the whole list.
import { formatCount } from '../format.ts';

interface PagerProps {
  /** The navigation's accessible name. */
  label?: string;
  /** Index of the first job shown (0-based), how many are shown, how many match. */
  offset: number;
  shown: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

export function Pager({ label = 'Pages of jobs', offset, shown, total, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  if (total === 0) return null;
  return (
    <nav class="pager" aria-label={label}>
      <p class="muted small" aria-live="polite">
        {shown === 0 ? 'None' : `${formatCount(offset + 1)}–${formatCount(offset + shown)}`} of {formatCount(total)}
      </p>
      <button type="button" class="button button-secondary button-small" disabled={!hasPrevious} onClick={onPrevious}>
        Previous
      </button>
      <button type="button" class="button button-secondary button-small" disabled={!hasNext} onClick={onNext}>
        Next
      </button>
    </nav>
  );
}
