/**
 * `npm run screenshots [-- <dir>]`: takes the pictures of the email (light and dark), the tracking page
 * and the template editor from a real run, into docs/screenshots unless a folder is given.
 */
import { resolve } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';

// The run's request and notice logs are not news here (LOG_LEVEL=info shows them); set before the logger loads.
process.env.LOG_LEVEL ??= 'warn';
const { takeScreenshots } = await import('./screenshots/index');

Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});

const files = await takeScreenshots({ outDir: resolve(process.argv[2] ?? 'docs/screenshots') });
for (const file of files) console.log(file);
