// Sign in with an API key: checked against the service before it is kept for this tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../graphql-client.ts';
import { SessionQuery } from '../operations.ts';
import { Logo } from './logo.tsx';

interface Props {
  /** Why the previous session ended (e.g. the key was invalidated). */
  notice?: string;
  onSignedIn(secret: string): void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [secret, setSecret] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const key = secret.trim();
    if (!key || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await request(key, SessionQuery, {});
      onSignedIn(key);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err)));
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <main class="sign-in">
      <form class="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <div class="brand brand-large">
          <Logo />
          <span>ML jobs</span>
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <p class="muted">
          Use an API key of this service. Reading needs <code>MONITOR_ML</code>; deleting jobs needs <code>MANAGE_ML</code>.
        </p>
        {notice && (
          <p class="alert alert-info" role="status">
            {notice}
          </p>
        )}
        <label class="field">
          <span class="field-label">API key</span>
          <span class="input-with-button">
            <input
              ref={input}
              type={reveal ? 'text' : 'password'}
              name="apiKey"
              autoComplete="off"
              spellcheck={false}
              required
              value={secret}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'sign-in-error' : 'sign-in-hint'}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
            <button type="button" class="button button-ghost" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>
              {reveal ? 'Hide' : 'Show'}
            </button>
          </span>
        </label>
        <p id="sign-in-hint" class="hint">
          Kept in this browser tab only (session storage), sent as <code>Authorization: ApiKey …</code>.
        </p>
        {error && (
          <p id="sign-in-error" class="alert alert-error" role="alert">
            {error.message}
            <span class="code">{error.code}</span>
          </p>
        )}
        <button type="submit" class="button button-primary button-block" disabled={busy || !secret.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
