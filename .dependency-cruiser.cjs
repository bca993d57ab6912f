/**
 * The layer and cycle check of `npm test` (npm run check:deps). Known breaches are listed in
 * .dependency-cruiser-known-violations.json (they are what is left of issue #10's layering work);
 * a new cycle or a new breach fails the check.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only and dynamic imports included.',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'domain-not-to-cli',
      severity: 'error',
      comment: 'The pipeline (parse → compile → analyze → consumers) does not know the CLI; the CLI maps errors to exit codes.',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-tests-from-src',
      severity: 'error',
      comment: 'Production code never imports a test or a test helper.',
      from: { path: '^src', pathNot: '\\.test\\.ts$' },
      to: { path: '(\\.test\\.ts$|^test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } },
  },
};
