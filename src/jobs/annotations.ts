// User annotations. Annotations outlive their job (no foreign key): a deletion keeps the user
// ones unless asked otherwise (D9), so they stay readable for a deleted job.
import type { Database } from '../db/client.ts';
import { jobIsDeleting } from '../errors.ts';
import type { Annotation } from '../generated/prisma/client.ts';
import { assertValidId } from './ids.ts';
import { lockJob } from './jobs.ts';
import { assertText } from './limits.ts';

export interface AnnotationInput {
  timestamp: Date;
  text: string;
}

/** `createdBy` is the caller's API key name. */
export async function putAnnotation(db: Database, jobId: string, input: AnnotationInput, createdBy: string): Promise<Annotation> {
  assertValidId(jobId);
  assertText(input.text, 'annotation text');
  return db.prisma.$transaction(async (tx) => {
    const job = await lockJob(tx, jobId, 'SHARE');
    // An annotation written after the deletion's last annotation step would outlive the job.
    if (job.deleting) throw jobIsDeleting(jobId, 'put annotation for');
    return tx.annotation.create({ data: { jobId, timestamp: input.timestamp, text: input.text, createdBy } });
  });
}

export async function listAnnotations(db: Database, jobId: string): Promise<Annotation[]> {
  assertValidId(jobId);
  return db.prisma.annotation.findMany({ where: { jobId }, orderBy: [{ timestamp: 'asc' }, { id: 'asc' }] });
}
