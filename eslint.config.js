// Lint rules for the service, its tests, the bench and the dashboard (npm run lint; CI runs it).
// typescript-eslint's recommended set, without type information: tsc --noEmit already checks
// types, and the lint stays fast.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dashboard/dist/', 'src/generated/', '**/generated/', 'test-output/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['dashboard/**'], languageOptions: { globals: { ...globals.browser } } },
);
