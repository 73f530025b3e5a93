import { getCalendar, putCalendar, type CalendarView } from '../jobs/calendars.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';

const Calendar = builder.objectRef<CalendarView>('Calendar').implement({
  fields: (t) => ({
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
