// Every error a client sees carries `code`, `type` and `status` (delete-job.md, "Errors"): ours
// get them where they are made (src/schema/error-mapping.ts); the ones yoga and graphql-js make
// themselves (syntax, validation, a refused batch, a mutation over GET) get them here, as the
// answer is written, from their code and HTTP status. And a mutation document whose root fields
// partly failed says which of them ran: a failed non-null root field nulls `data` as a whole, so
// `data` alone cannot tell.
import { getOperationAST, Kind, type ExecutionResult, type GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** Elasticsearch's exception type for the request errors that are not ours. */
const TYPES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'parsing_exception',
  GRAPHQL_VALIDATION_FAILED: 'illegal_argument_exception',
  BAD_REQUEST: 'illegal_argument_exception',
  BAD_USER_INPUT: 'illegal_argument_exception',
};

/** Gives an error yoga or graphql-js made its `type` and `status` (HTTP: as written; WebSocket: src/websocket.ts). */
export function completeError(error: GraphQLError): void {
  const extensions = error.extensions as Record<string, unknown>;
  // Ours (and masked ones) already say their status.
  if (!extensions || extensions.type || extensions.status) return;
  const code = typeof extensions.code === 'string' ? extensions.code : 'BAD_REQUEST';
  const http = extensions.http as { status?: number } | undefined;
  extensions.code = code;
  extensions.type = TYPES[code] ?? 'illegal_argument_exception';
  extensions.status = http?.status && http.status >= 400 ? http.status : 400;
}

/** The root fields (by response name) a mutation document selected, in order. */
function rootFieldsOf(result: ExecutionResult, document: Parameters<typeof getOperationAST>[0], operationName?: string | null): string[] {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return [];
  return operation.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD && s.name.value !== '__typename' ? [(s.alias ?? s.name).value] : [],
  );
}

export function useUniformErrors(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          const fields = rootFieldsOf(result, args.document, args.operationName);
          if (fields.length < 2) return;
          // Root mutation fields run one after another; every one is non-null, so the first that
          // fails ends the operation: those before it took effect, those after never ran.
          const failed = new Set(result.errors.map((e) => e.path?.[0]).filter((p): p is string => typeof p === 'string'));
          const at = fields.findIndex((f) => failed.has(f));
          if (at < 0) return;
          const mutations = { completed: fields.slice(0, at), failed: fields[at], notRun: fields.slice(at + 1) };
          setResult({ ...result, extensions: { ...result.extensions, mutations } });
        },
      };
    },
    onResultProcess({ result }) {
      for (const each of Array.isArray(result) ? result : [result]) {
        if (isAsyncIterable(each)) continue;
        for (const error of (each as ExecutionResult).errors ?? []) completeError(error as GraphQLError);
      }
    },
  };
}
