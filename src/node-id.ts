// This instance's node id (task ids are `<nodeId>:<n>`, D15): NODE_ID, or one generated once and
// kept in the data directory per port, so a restarted instance keeps its id and two instances
// on one machine differ. An ephemeral port (0, tests) gets a fresh id.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * 12 characters of base64url, never starting with '-' or '_': a task id is `<nodeId>:<n>`, and
 * one starting with '-' reads as an option on a command line (`mljobs follow -x…:7`).
 */
function fresh(): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

export function resolveNodeId(configured: string | undefined, dataDir: string, port: number): string {
  if (configured) return configured;
  if (port === 0) return fresh();
  const path = join(dataDir, `node-id.${port}`);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const id = fresh();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, id);
  return id;
}
