// ESLint (flat config) for the whole repository: typescript-eslint's recommended rules, file size
// limits (DESIGN.md: split before 800 lines) and the dependency rules that keep the layers apart.
// `npm run lint`; CI runs it (.ci/run), and a violation fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';

/** The core max-lines rule under a second name, so one file size can warn and a larger one fail. */
const local = { rules: { 'max-lines': builtinRules.get('max-lines') } };
const size = { max: 400, skipBlankLines: true, skipComments: true };

/** `no-restricted-imports` for a set of folders: import specifiers they may not use, and why. */
function forbid(files, ignoresOrPatterns, maybePatterns) {
  const [ignores, patterns] = maybePatterns === undefined ? [[], ignoresOrPatterns] : [ignoresOrPatterns, maybePatterns];
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/dist/**',
      '**/.next/**',
      '**/next-env.d.ts',
      'packages/protocol/src/generated/**',
      'apps/broker/scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        WebSocket: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        crypto: 'readonly',
      },
    },
    rules: {
      'max-lines': ['warn', size],
      'local/max-lines': ['error', { ...size, max: 800 }],
      // tsc (noUnusedLocals/noUnusedParameters) already reports these, with the project's exceptions
      '@typescript-eslint/no-unused-vars': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Packages never import apps; ui imports nothing of the repository; storage only protocol.
  forbid(
    ['packages/**'],
    // @tarn/client's tests run against a real broker (a devDependency); its src/ may not (below)
    ['packages/client/test/**'],
    [
      {
        group: ['@tarn/broker', '@tarn/broker/*', '@tarn/console', '@tarn/console/*', '**/apps/**'],
        message: 'packages never import apps',
      },
    ],
  ),
  forbid(['packages/ui/**'], [{ group: ['@tarn/*', '../../*'], message: '@tarn/ui imports nothing of the repository' }]),
  forbid(
    ['packages/storage/**'],
    [{ group: ['@tarn/*', '!@tarn/protocol', '../../*'], message: 'storage depends on protocol only (through its index)' }],
  ),
  forbid(
    ['packages/client/src/**'],
    [{ group: ['@tarn/*', '!@tarn/protocol', '../../*'], message: '@tarn/client depends on @tarn/protocol only' }],
  ),
  forbid(['packages/protocol/**'], [{ group: ['@tarn/*', '../../../*'], message: 'protocol depends on nothing of the repository' }]),
  // The Kafka API, the admin API and the console's insights see the broker through services.ts, never the Broker class.
  forbid(
    ['apps/broker/src/handlers/**', 'apps/broker/src/admin/**', 'apps/broker/src/insights/**'],
    [{ group: ['**/broker', '**/broker.ts'], message: 'use the ports in services.ts, not the Broker class' }],
  ),
  // The Kafka core (groups, replication) knows nothing of the console.
  forbid(
    ['apps/broker/src/group/**', 'apps/broker/src/replica/**'],
    [
      { group: ['**/broker', '**/broker.ts'], message: 'the core does not know the Broker class' },
      {
        group: ['**/admin/*', '**/insights/*'],
        message: 'the Kafka core never calls the console API or its insights; publish an event instead',
      },
    ],
  ),
  // network/ is the server side only; the replica fetcher's client lives in client/.
  forbid(
    ['apps/broker/src/network/**'],
    [{ group: ['**/client/*', '**/handlers/*'], message: 'network/ reads and writes frames; it knows no handler and no client' }],
  ),
  // The console talks to the broker through the router's type only.
  forbid(
    ['apps/console/**'],
    [{ group: ['@tarn/broker/*', '!@tarn/broker/admin-router'], message: 'the console imports only the admin router type' }],
  ),
);
