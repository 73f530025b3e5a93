import type { Notification } from '../generated/prisma/client.ts';
import { listNotifications } from '../jobs/notifications.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';

const AuditMessage = builder.objectRef<Notification>('AuditMessage').implement({
  fields: (t) => ({
    jobId: t.exposeID('jobId'),
    level: t.exposeString('level'),
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
