import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'lib/actors/model/', '.tmp/', '.tmp-*', 'screenshots/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval in an extension.' }],
    },
  },
  {
    // What runs in web pages imports the highlight modules it uses, not their index, which
    // would bring the panel's IndexedDB store (idb runs code as it loads) into every page.
    files: ['lib/page/**', 'entrypoints/page.ts', 'entrypoints/read-page.ts', 'entrypoints/restore.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+highlights$|^@/lib/highlights$', message: 'Import the module itself (../highlights/anchor, …), not the index.' }] }],
    },
  },
);
