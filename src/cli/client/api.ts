// The service, as the command-line client sees it: POST JSON for queries and mutations,
// graphql-ws for subscriptions, `ApiKey` credentials on both. Failures become ClientErrors
// carrying the service's error code (delete-job.md), which decides the exit code.
import type { Client } from 'graphql-ws';
import type { TypedDocumentString } from './generated/graphql.ts';

export class ClientError extends Error {
  constructor(
    message: string,
    /** The service's `extensions.code`, or USAGE / NETWORK / INTERNAL_SERVER_ERROR. */
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

interface WireError {
  message: string;
  extensions?: Record<string, unknown>;
}

const fromGraphQL = ([first]: readonly WireError[]) => {
  const { code, ...details } = first.extensions ?? {};
  return new ClientError(first.message, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', details);
};

export interface ApiOptions {
  /** The GraphQL endpoint over HTTP(S), e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  apiKey: string;
}

export class Api {
  #ws: Client | undefined;
  constructor(private readonly options: ApiOptions) {}

  async request<TResult, TVars>(document: TypedDocumentString<TResult, TVars>, variables: TVars): Promise<TResult> {
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `ApiKey ${this.options.apiKey}`,
        },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
    } catch (err) {
      throw new ClientError(`cannot reach ${this.options.url}: ${causeOf(err)}`, 'NETWORK');
    }
    const text = await res.text();
    let body: { data?: TResult | null; errors?: WireError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new ClientError(`${this.options.url} answered ${res.status} ${res.statusText}, not GraphQL: ${text.slice(0, 200)}`, 'NETWORK');
    }
    if (body.errors?.length) throw fromGraphQL(body.errors);
    if (!body.data) throw new ClientError(`${this.options.url} answered ${res.status} without data`, 'INTERNAL_SERVER_ERROR');
    return body.data;
  }

  /** Every event of a subscription, over graphql-ws; ends when the service completes it. */
  async *subscribe<TResult, TVars>(document: TypedDocumentString<TResult, TVars>, variables: TVars): AsyncGenerator<TResult> {
    const events = (await this.ws()).iterate<TResult>({ query: document.toString(), variables: variables as Record<string, unknown> });
    try {
      for await (const event of events) {
        if (event.errors?.length) throw fromGraphQL(event.errors as readonly WireError[]);
        if (event.data) yield event.data;
      }
    } catch (err) {
      throw toClientError(err, this.options.url);
    } finally {
      await events.return?.();
    }
  }

  async close(): Promise<void> {
    await this.#ws?.dispose();
  }

  /** Loaded on first use: commands that only query start faster without graphql-ws and ws. */
  private async ws(): Promise<Client> {
    if (this.#ws) return this.#ws;
    const [{ createClient }, { default: WebSocket }] = await Promise.all([import('graphql-ws'), import('ws')]);
    this.#ws = createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `ApiKey ${this.options.apiKey}` },
      lazy: true,
      retryAttempts: 0,
    });
    return this.#ws;
  }
}

/** graphql-ws's CloseCode.Forbidden (refused credentials), named here: graphql-ws is loaded only once a socket is needed. */
const FORBIDDEN_CLOSE = 4403;

/** graphql-ws rejects with GraphQL errors, a close event (4403: refused credentials) or a socket error. */
function toClientError(err: unknown, url: string): ClientError {
  if (err instanceof ClientError) return err;
  if (Array.isArray(err) && err.length) return fromGraphQL(err as WireError[]);
  const event = err as { code?: unknown; reason?: unknown; message?: unknown; error?: unknown };
  if (typeof event?.code === 'number') {
    const reason = typeof event.reason === 'string' && event.reason ? event.reason : `connection closed (${event.code})`;
    return new ClientError(reason, event.code === FORBIDDEN_CLOSE ? 'UNAUTHENTICATED' : 'NETWORK');
  }
  return new ClientError(`cannot reach ${url.replace(/^http/, 'ws')}: ${causeOf(event?.error ?? err)}`, 'NETWORK');
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  if (cause instanceof AggregateError && cause.errors.length) return causeOf(cause.errors[0]);
  return cause instanceof Error ? cause.message : String(cause);
}
