// Writes clients/possible-types.json from the committed schema.graphql: for each union and
// interface, the object types it can be. Apollo Client needs this map (`possibleTypes`) to match
// fragments on `DeleteJobResult`. Run by `npm run codegen` (codegen.ts, beforeDone hook); the
// same output as the fragment-matcher plugin's `possibleTypes`, without that extra package.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildSchema, isAbstractType, type GraphQLSchema } from 'graphql';

function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const abstract = Object.values(schema.getTypeMap())
    .filter(isAbstractType)
    .filter((type) => !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const type of abstract) {
    out[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort();
  }
  return out;
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const target = resolve(root, 'clients/possible-types.json');
const schema = buildSchema(readFileSync(resolve(root, 'schema.graphql'), 'utf8'));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify({ possibleTypes: possibleTypesOf(schema) }, null, 2)}\n`);
