import { getCalendar, putCalendar, type CalendarView } from '../jobs/calendars.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { Node, nodeIdOf } from './node.ts';

const Calendar = builder.objectRef<CalendarView>('Calendar').implement({
  description: 'A named group of jobs (scheduled events apply to its members). It outlives its jobs.',
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('Calendar')),
    id: t.exposeID('id'),
    jobIds: t.exposeIDList('jobIds'),
  }),
});

builder.queryField('calendar', (t) =>
  t.field({
    type: Calendar,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: guarded('calendar', ({ id }, ctx) => getCalendar(ctx.services.db, id)),
  }),
);

builder.mutationField('putCalendar', (t) =>
  t.field({
    type: Calendar,
    args: { calendarId: t.arg.id({ required: true }), jobIds: t.arg.idList({ required: true }) },
    resolve: guarded('putCalendar', ({ calendarId, jobIds }, ctx) => putCalendar(ctx.services.db, calendarId, jobIds)),
  }),
);
