// Writes the served schema, sorted, to schema.graphql (committed; CI fails when it drifts).
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../schema/index.ts';

writeFileSync('schema.graphql', printSchema(schema) + '\n');
