// Talking to the service: fetch for queries and mutations, graphql-ws for subscriptions, both
// at the page's own origin (`/graphql`) with the signed-in API key.
import { CloseCode, createClient, type Client } from 'graphql-ws/client';
import type { TypedDocumentString } from './generated/graphql.ts';

/** A refusal or failure, with the service's error code (delete-job.md) when it sent one. */
export class ApiError extends Error {
  readonly code: string;
  constructor(message: string, code = 'INTERNAL_SERVER_ERROR') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

export const errorOf = (errors: readonly GraphQLErrorShape[]) =>
  new ApiError(errors[0].message, errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');

/**
 * Over HTTP the operation goes by its persisted document's id (codegen's manifest, which the
 * service loads): smaller requests, and it works where the service accepts only persisted
 * documents. WebSocket subscriptions send the text (the service checks it against the same list).
 */
function bodyOf<TResult, TVars>(document: TypedDocumentString<TResult, TVars>, variables: TVars) {
  const hash = document.__meta__?.hash as string | undefined;
  return hash ? { documentId: hash, variables } : { query: document.toString(), variables };
}

export async function request<TResult, TVars>(apiKey: string, document: TypedDocumentString<TResult, TVars>, variables: TVars): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `ApiKey ${apiKey}`,
      },
      body: JSON.stringify(bodyOf(document, variables)),
    });
  } catch {
    throw new ApiError('Cannot reach the service. Is it running?', 'NETWORK');
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorShape[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The service answered ${res.status} ${res.statusText} without a GraphQL response`, 'NETWORK');
  }
  if (body.errors?.length) throw errorOf(body.errors);
  if (!body.data) throw new ApiError('The service answered without data');
  return body.data;
}

/** Bad credentials close the socket with 4403: retrying with the same key cannot help. */
const FORBIDDEN_CLOSE = CloseCode.Forbidden;

export function createSubscriptionClient(apiKey: string): Client {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient({
    url: `${scheme}://${location.host}/graphql`,
    connectionParams: { authorization: `ApiKey ${apiKey}` },
    lazy: true,
    // A dashboard left open keeps trying (graphql-ws waits longer and longer between attempts).
    retryAttempts: Infinity,
    shouldRetry: (event) => !(event instanceof CloseEvent && event.code === FORBIDDEN_CLOSE),
  });
}

export function subscribe<TResult, TVars>(
  client: Client,
  document: TypedDocumentString<TResult, TVars>,
  variables: TVars,
  sink: { next(data: TResult): void; error(error: ApiError): void; complete(): void },
): () => void {
  return client.subscribe<TResult>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next(result) {
        if (result.errors?.length) sink.error(errorOf(result.errors));
        else if (result.data) sink.next(result.data);
      },
      error(err) {
        if (Array.isArray(err)) sink.error(errorOf(err as GraphQLErrorShape[]));
        else if (err instanceof CloseEvent) {
          sink.error(new ApiError(err.reason || `Connection closed (${err.code})`, err.code === FORBIDDEN_CLOSE ? 'UNAUTHENTICATED' : 'NETWORK'));
        } else sink.error(new ApiError(err instanceof Error ? err.message : 'Lost the connection to the service', 'NETWORK'));
      },
      complete: sink.complete,
    },
  );
}
