// The request body's size limit (MAX_BODY_BYTES), in place of yoga's maxRequestBodySize, which
// pipes every body through a counting TransformStream: ~0.07 ms of each request here, a twentieth
// of a small deleteJob. A body with a valid Content-Length is judged by that header alone: Node's
// HTTP/1.1 parser passes on exactly that many bytes (anything after them is the next request on
// the connection), so counting them again can find nothing. A body without one (chunked) is
// counted as it is read, as yoga does. A body too large is refused with our PAYLOAD_TOO_LARGE
// (413), before the body is read whenever the header tells; as a GraphQLError, which yoga's body
// parser passes on as it is (any other error met while reading becomes "invalid JSON").
import { createGraphQLError } from '@graphql-tools/utils';
import type { Plugin } from 'graphql-yoga';
import { PayloadTooLargeError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

// One non-negative integer; anything else (a list, as in request smuggling) is refused outright.
const CONTENT_LENGTH = /^\d+$/;

export function useBodySizeLimit(limit: number): Plugin {
  const tooLarge = () => toGraphQLError(undefined, new PayloadTooLargeError(limit));
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared != null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        }
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => {
        // A native stream needs the native TransformStream (yoga's workaround, its issue 4583).
        const Transform = req.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        let read = 0;
        const body = req.body!.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body, duplex: 'half' } as RequestInit),
        );
      });
    },
  };
}
