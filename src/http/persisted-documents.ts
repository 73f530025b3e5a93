// Persisted documents: the operations of the service's own clients (the dashboard's and the CLI's,
// in the persisted-documents.json manifests that codegen writes beside their typed documents)
// can be sent by id, `{"documentId": "sha256:<hash>"}` (GraphQL Code Generator's client preset;
// Apollo's `extensions.persistedQuery.sha256Hash` works too). With PERSISTED_DOCUMENTS_ONLY, a key
// without MANAGE or ALL may run nothing else, over HTTP and WebSocket alike (checked on execute,
// once the caller is known, by the document's printed form).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { defaultExtractPersistedOperationId, usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { ClusterPrivilege } from '../generated/prisma/enums.ts';
import type { Context } from '../context.ts';
import { BadInputError, NotFoundError, PersistedDocumentsOnlyError, type MlError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';
import { packageRoot } from '../package-root.ts';

export const MANIFESTS = ['dashboard/src/generated/persisted-documents.json', 'src/cli/client/generated/persisted-documents.json'];
/** Keys that may run any document when only persisted documents are accepted. */
const UNRESTRICTED: readonly ClusterPrivilege[] = ['ALL', 'MANAGE'];

/** Every manifest's documents by id (`sha256:<hex>`). */
export function loadPersistedDocuments(root = packageRoot): Map<string, string> {
  const documents = new Map<string, string>();
  for (const manifest of MANIFESTS) {
    for (const [id, text] of Object.entries(JSON.parse(readFileSync(join(root, manifest), 'utf8')) as Record<string, string>))
      documents.set(id, text);
  }
  return documents;
}

/** A request error in the shape of every other (code, type, status), with the HTTP status. */
const refusal = (err: MlError) => {
  const error = toGraphQLError(undefined, err);
  Object.assign(error.extensions, { http: { status: err.status } });
  return error;
};

const idOf = (...[params, request, context]: Parameters<typeof defaultExtractPersistedOperationId>): string | null => {
  // Yoga's GET parser reads only the standard parameters: a GET's documentId is in its URL.
  const fromUrl = request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null;
  const id = (params as { documentId?: unknown }).documentId ?? fromUrl ?? defaultExtractPersistedOperationId(params, request, context);
  if (id == null) return null;
  if (typeof id !== 'string') throw refusal(new BadInputError('documentId must be a string'));
  return id.startsWith('sha256:') ? id : `sha256:${id}`;
};

/** Resolves `documentId` (and Apollo's sha256Hash) to the stored document; documents sent as text pass through. */
export function usePersistedDocuments(documents: Map<string, string>): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(id) ?? null,
    extractPersistedOperationId: idOf,
    allowArbitraryOperations: true,
    customErrors: {
      notFound: (payload) =>
        refusal(new NotFoundError(`persisted document [${String(idOf(payload.params, payload.request, payload.context)).slice(0, 80)}] not found`)),
      keyNotFound: () => refusal(new BadInputError('send a query or the documentId of a persisted document')),
    },
  });
}

/** With `only`, refuses any document but the persisted ones to keys without MANAGE or ALL. */
export function usePersistedDocumentsOnly(only: boolean, documents: Map<string, string>): Plugin {
  if (!only) return {};
  const known = new Set([...documents.values()].map((text) => print(parse(text))));
  const check = (document: DocumentNode, ctx: Context) => {
    const principal = ctx.principal;
    // No key: the guard answers UNAUTHENTICATED.
    if (!principal || principal.privileges.some((p) => UNRESTRICTED.includes(p)) || known.has(print(document))) return undefined;
    return { errors: [refusal(new PersistedDocumentsOnlyError(principal.name))] };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = check(args.document, args.contextValue as unknown as Context);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = check(args.document, args.contextValue as unknown as Context);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
