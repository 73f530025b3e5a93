// Shared answer of mutations that return nothing but success (deleteDatafeed, deleteJob, ...).
import { builder } from './builder.ts';

export const Acknowledged = builder.objectRef<{ acknowledged: boolean }>('Acknowledged').implement({
  fields: (t) => ({ acknowledged: t.exposeBoolean('acknowledged') }),
});
