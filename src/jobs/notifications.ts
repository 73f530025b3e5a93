// Audit notifications: the job's history as people read it. They outlive the job (no foreign
// key), so the record of a deletion stays readable after the job is gone (D11).
import type { Database } from '../db/client.ts';
import type { Notification, Prisma } from '../generated/prisma/client.ts';
import { assertValidId } from './ids.ts';

export type AuditLevel = 'info' | 'warning' | 'error';

/** Takes the client or a transaction, so the audit line commits with the change it records. */
export async function audit(
  client: Pick<Prisma.TransactionClient, 'notification'>,
  jobId: string,
  message: string,
  level: AuditLevel = 'info',
): Promise<void> {
  await client.notification.create({ data: { jobId, message, level } });
}

/**
 * Oldest first; works for deleted jobs. Ordered by id, the insertion order: `timestamp` is the
 * start of the writing transaction, so two writers can interleave it.
 */
export async function listNotifications(db: Database, jobId: string): Promise<Notification[]> {
  assertValidId(jobId);
  return db.prisma.notification.findMany({ where: { jobId }, orderBy: { id: 'asc' } });
}
