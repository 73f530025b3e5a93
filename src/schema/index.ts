// Imports every type file (each registers itself on the builder) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import { describeSchema } from './descriptions.ts';
import './scalars.ts';
import './acknowledged.ts';
import './job.ts';
import './datafeed.ts';
import './results.ts';
import './annotation.ts';
import './calendar.ts';
import './notification.ts';
import './task.ts';
import './delete-job.ts';
import './api-key.ts';
import './node.ts';
import './job-connection.ts';
import './task-connection.ts';
import './events.ts';

export const schema = lexicographicSortSchema(describeSchema(builder.toSchema()));
