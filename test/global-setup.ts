/** One Temporal dev server (the real CLI from .tools) for the whole test run. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { temporalCli } from '../common/tools';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject) {
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCli() }, searchAttributes: ALL_SEARCH_ATTRIBUTES, ip: '127.0.0.1' },
  });
  project.provide('temporalAddress', env.address);
  return () => env.teardown();
}
