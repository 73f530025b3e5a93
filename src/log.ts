// Structured JSON logs. Secrets never reach a log line: API keys are logged by name only, and
// credentials that might slip into a logged object are redacted. Every line written while a
// request is served carries its request id.
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-scope.ts';

export type { Logger };

const REDACT = [
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'Authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'connectionParams',
  '*.connectionParams',
];

/** `destination`: where lines go (stdout by default); tests pass a stream they read. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
