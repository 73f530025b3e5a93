// The API key lives in sessionStorage: it is this tab's, gone when the tab closes, never written
// to localStorage or a cookie.
const KEY = 'ml-jobs.api-key';

export function readApiKey(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeApiKey(secret: string): void {
  try {
    sessionStorage.setItem(KEY, secret);
  } catch {
    // Storage refused (private mode quota): the key then lasts as long as the page.
  }
}

export function forgetApiKey(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
