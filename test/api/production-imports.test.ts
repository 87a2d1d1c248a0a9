/**
 * The production processes need no test tooling: nothing `npm run api` or `npm run worker` loads,
 * directly or through other modules, comes from scripts/ or test/, or is the Temporal test server package.
 */
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('the API and worker processes load no script, test helper or Temporal testing package', async () => {
  // esbuild follows every import from the entry points, the way Node would load them.
  const { metafile } = await build({
    entryPoints: ['api/main.ts', 'worker/main.ts'],
    outdir: 'unwritten',
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const local = Object.keys(metafile.inputs);
  const packages = Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.external).map((i) => i.path),
  );
  expect(local).toContain('simulator/preview.ts');
  expect(local.filter((path) => /^(scripts|test)\//.test(path))).toEqual([]);
  expect(packages.filter((name) => name.startsWith('@temporalio/testing'))).toEqual([]);
});
