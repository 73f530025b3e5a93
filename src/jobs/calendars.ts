// Calendars group jobs; they outlive their members (a deletion only removes the membership, D9).
import type { Database } from '../db/client.ts';
import { jobNotFound } from '../errors.ts';
import { assertValidId } from './ids.ts';
import { assertCount } from './limits.ts';

export interface CalendarView {
  id: string;
  jobIds: string[];
}

/** Creates the calendar or replaces its members. */
export async function putCalendar(db: Database, calendarId: string, jobIds: readonly string[]): Promise<CalendarView> {
  assertValidId(calendarId, 'calendar');
  const members = [...new Set(jobIds)].sort();
  assertCount(members, 'jobIds');
  for (const jobId of members) assertValidId(jobId);
  return db.prisma.$transaction(async (tx) => {
    // FOR SHARE: no member can disappear before the membership rows are written.
    const found = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM jobs WHERE id = ANY(${members}::text[]) FOR SHARE`;
    const known = new Set(found.map((j) => j.id));
    const missing = members.find((id) => !known.has(id));
    if (missing !== undefined) throw jobNotFound(missing);
    // One statement that creates the calendar or locks it: two puts of one calendar replace its
    // members one after the other, never interleaved (Prisma's upsert is not atomic here).
    await tx.$executeRaw`INSERT INTO calendars (id) VALUES (${calendarId}) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id`;
    await tx.calendarJob.deleteMany({ where: { calendarId } });
    await tx.calendarJob.createMany({ data: members.map((jobId) => ({ calendarId, jobId })) });
    return { id: calendarId, jobIds: members };
  });
}

export async function getCalendar(db: Database, id: string): Promise<CalendarView | null> {
  assertValidId(id, 'calendar');
  const calendar = await db.prisma.calendar.findUnique({ where: { id }, select: { jobs: { select: { jobId: true } } } });
  // Sorted here, like putCalendar's answer: code point order, whatever the database's collation.
  return calendar && { id, jobIds: calendar.jobs.map((j) => j.jobId).sort() };
}

/** The calendars with these ids (unknown ids are left out), members sorted like getCalendar's. */
export async function calendarsByIds(db: Database, ids: readonly string[]): Promise<CalendarView[]> {
  const calendars = await db.prisma.calendar.findMany({ where: { id: { in: [...ids] } }, select: { id: true, jobs: { select: { jobId: true } } } });
  return calendars.map((c) => ({ id: c.id, jobIds: c.jobs.map((j) => j.jobId).sort() }));
}
