// `npm run schema:check [-- schema.graphql | http://host:port/graphql]`: lists every breaking
// change of the served schema against schema/baseline.graphql (the last release's schema) and
// exits 1 if there is one. A URL is introspected, with ML_API_KEY as the key when it is set.
// The test suite runs it against a live server, so a plain clone's `npm test` catches a break.
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

const BASELINE = 'schema/baseline.graphql';

/**
 * graphql-js's breaking changes, plus two of its "dangerous" ones that break our clients: a
 * changed argument default (defaults are part of the API: `waitForCompletion = true`), and a
 * new member in DeleteJobResult (clients switch over it exhaustively).
 */
function breakingChanges(baseline: GraphQLSchema, served: GraphQLSchema): string[] {
  const alsoBreaking = (c: { type: string; description: string }) =>
    c.type === 'ARG_DEFAULT_VALUE_CHANGE' || (c.type === 'TYPE_ADDED_TO_UNION' && c.description.includes('DeleteJobResult'));
  return [...findBreakingChanges(baseline, served), ...findDangerousChanges(baseline, served).filter(alsoBreaking)].map(
    (c) => `${c.type}: ${c.description}`,
  );
}

async function load(target: string, apiKey: string | undefined): Promise<GraphQLSchema> {
  if (!/^https?:\/\//.test(target)) return buildSchema(readFileSync(target, 'utf8'));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `ApiKey ${apiKey}`;
  const res = await fetch(target, { method: 'POST', headers, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  const body = (await res.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data) throw new Error(`introspection of ${target} failed (${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  return buildClientSchema(body.data);
}

const target = process.argv[2] ?? 'schema.graphql';
const changes = breakingChanges(buildSchema(readFileSync(BASELINE, 'utf8')), await load(target, process.env.ML_API_KEY || undefined));
for (const change of changes) console.log(change);
console.log(
  changes.length ? `${changes.length} breaking change${changes.length === 1 ? '' : 's'} against ${BASELINE}` : `${BASELINE}: no breaking change`,
);
process.exitCode = changes.length ? 1 : 0;
