// The benchmarks' GraphQL client over HTTP: node:http on keep-alive connections, the request
// written in one piece. The bench compares our server against PostgreSQL's own cascade sent by
// node-postgres, a lean client; so our side gets a lean client too, and the figures measure the
// server rather than the client library. Node's fetch (undici, WHATWG streams) costs the client
// itself more, measured side by side on the bench machine (2 cores): against a bare node:http
// server 0.95 against 0.63 ms a call back to back, 1.70 against 1.16 ms with 20 ms between
// calls (and 1,000 `{ __typename }` one after another: 1.40 s, then 0.60 s in the next bench run).
// `viaFetch` keeps that path, for the bench's reported row of the small job's pairs through fetch.
import http from 'node:http';
import type { BenchServer } from './server-process.ts';

// One pool of connections for the whole run: concurrent callers (the bench's 4 clients) each get
// a connection of their own, reused from call to call, as a browser or an HTTP client library does.
const agent = new http.Agent({ keepAlive: true });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain-string operations: the bench measures the server, not a typed client
type Data = any;

function answer(text: string): Data {
  const body = JSON.parse(text) as { data?: Data; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** POSTs one GraphQL operation with the server's admin key; answers `data`, throws on `errors`. */
export function gql(server: BenchServer, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      server.graphqlUrl,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `ApiKey ${server.adminKey}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(answer(Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(err as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The same call through Node's fetch (undici): for the bench's row on what the client library costs. */
export async function viaFetch(server: BenchServer, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const res = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return answer(await res.text());
}

/** Closes the kept-alive connections, so the process can end. */
export const closeConnections = () => agent.destroy();
