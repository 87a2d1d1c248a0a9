/** One Temporal dev server (the real CLI from .tools) and one PostgreSQL server for the whole test run. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { temporalCli } from '../common/tools';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { startPostgres } from './helpers/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [env, postgres] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: temporalCli() },
        searchAttributes: ALL_SEARCH_ATTRIBUTES,
        ip: '127.0.0.1',
      },
    }),
    startPostgres(),
  ]);
  project.provide('temporalAddress', env.address);
  project.provide('databaseUrl', postgres.url);
  return async () => {
    await env.teardown();
    await postgres.stop();
  };
}
