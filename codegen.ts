// Typed operations from the committed, printed schema, one output per client of the API:
//   test/generated/               the tests (DocumentNode, printed with graphql's print)
//   dashboard/src/generated/      the browser dashboard (documentMode 'string': no graphql-js in
//                                 the bundle, the query text ships as is)
//   src/cli/client/generated/     the command-line client (string documents too)
// Each output names its own documents: codegen adds root-level documents to every output.
// `npm run codegen` first prints schema.graphql from the code, then runs this; the beforeDone hook
// then writes clients/possible-types.json (Apollo Client's possibleTypes for the unions; the
// fragment-matcher plugin is not installed, and the script needs nothing else).
import type { CodegenConfig } from '@graphql-codegen/cli';

// The server's own clients ship their operations as persisted documents: each output gets a
// persisted-documents.json (sha256 of the document text -> text) that the server loads, and each
// document carries its hash (`__meta__.hash`) for the client to send as `documentId`.
const persistedDocuments = { hashAlgorithm: 'sha256' as const };
const scalars = { DateTime: 'string', JSON: 'unknown' };
const common = { scalars, enumsAsTypes: true, useTypeImports: true, importExtension: '.ts' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**', '!test/consumers/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        importExtension: '.ts',
        scalars,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
    'dashboard/src/generated/': {
      documents: ['dashboard/src/**/*.{ts,tsx}', '!dashboard/src/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments },
      config: { ...common, documentMode: 'string' },
    },
    'src/cli/client/generated/': {
      documents: ['src/cli/client/**/*.ts', '!src/cli/client/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments },
      config: { ...common, documentMode: 'string' },
    },
  },
  hooks: {
    beforeDone: ['node --import tsx src/cli/print-possible-types.ts'],
  },
};

export default config;
