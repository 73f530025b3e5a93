// Every string a caller sends (variables, JSON keys and values, literals in the document) must be
// text PostgreSQL can store: no NUL character (text and jsonb refuse U+0000) and no unpaired
// UTF-16 surrogate (jsonb refuses one; a text column would silently store U+FFFD instead). Checked
// once at the edge, before execution, so no field can forget it and no refusal reaches the
// database as an unexpected error.
import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { BadInputError } from '../errors.ts';
import { toGraphQLError } from '../schema/error-mapping.ts';

// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL cannot store
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'input text cannot contain NUL characters (U+0000) or unpaired surrogates';

/** True when some string in `value` (keys included) cannot be stored. Iterative: values may be deep. */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) return true;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

// Per document: yoga's parser cache hands out the same DocumentNode for the same text, so a
// document is walked once, not on every request that sends it (~0.03 ms a request).
const documentVerdicts = new WeakMap<DocumentNode, boolean>();

function documentHasUnstorableText(document: DocumentNode): boolean {
  const known = documentVerdicts.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (UNSTORABLE.test(node.value)) found = true;
    },
  });
  documentVerdicts.set(document, found);
  return found;
}

export function useStorableText(): Plugin {
  const check = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { document: DocumentNode; variableValues?: unknown };
    setResultAndStopExecution: (result: { errors: Error[] }) => void;
  }) => {
    if (hasUnstorableText(args.variableValues) || documentHasUnstorableText(args.document)) {
      setResultAndStopExecution({ errors: [toGraphQLError(undefined, new BadInputError(UNSTORABLE_TEXT_MESSAGE))] });
    }
  };
  return { onExecute: check, onSubscribe: check } as Plugin;
}
