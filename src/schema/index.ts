// Imports every type file (each registers itself on the builder) and builds the schema.
import { GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
import { lexicographicSortSchema, specifiedDirectives } from 'graphql';
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

// @defer and @stream are part of the schema (yoga's plugin then adds only its validation rules),
// so schema.graphql prints them and clients generated from it know them.
const directives = [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective];

export const schema = lexicographicSortSchema(describeSchema(builder.toSchema({ directives })));
