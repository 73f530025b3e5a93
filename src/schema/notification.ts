import type { Notification } from '../generated/prisma/client.ts';
import { listNotifications } from '../jobs/notifications.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';

const AuditLevel = builder.enumType('AuditLevel', {
  description: "An audit message's level (AuditMessage.level as an enum).",
  values: {
    INFO: { description: 'Something happened (created, opened, deleted...).' },
    WARNING: { description: 'Something needs attention.' },
    ERROR: { description: 'Something failed, e.g. `Error deleting job: ...`.' },
  } as const,
});

const AuditMessage = builder.objectRef<Notification>('AuditMessage').implement({
  fields: (t) => ({
    jobId: t.exposeID('jobId'),
    level: t.exposeString('level'),
    severity: t.field({
      type: AuditLevel,
      description: '`level` as an enum, for clients that branch on it.',
      resolve: (note) => note.level.toUpperCase() as 'INFO' | 'WARNING' | 'ERROR',
    }),
    message: t.exposeString('message'),
    timestamp: t.field({ type: 'DateTime', resolve: (note) => note.timestamp }),
  }),
});

builder.queryField('notifications', (t) =>
  t.field({
    type: [AuditMessage],
    description: "Audit notifications, oldest first; they survive their job's deletion.",
    args: { jobId: t.arg.id({ required: true }) },
    resolve: guarded('notifications', ({ jobId }, ctx) => listNotifications(ctx.services.db, jobId)),
  }),
);
