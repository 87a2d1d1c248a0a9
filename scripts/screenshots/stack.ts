/**
 * A real run for the screenshots, everything on loopback: a Temporal dev server (the CLI's, unless an
 * address is given), a worker with the real activities, the API, an SMTP server that keeps what it
 * receives, and Debian's Chromium.
 */
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import type { Browser } from 'playwright-core';
import { Registry } from 'prom-client';
import { appFor } from '../../api/server';
import type { AppConfig } from '../../common/config';
import { dataConverterOf } from '../../common/temporal';
import { temporalCli } from '../../common/tools';
import { createStore } from '../../store';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { configWith } from '../../test/helpers/api';
import { launchBrowser } from '../../test/helpers/browser';
import { smtpSink, type SmtpSink } from '../../test/helpers/smtp-sink';
import { testWorker } from '../../test/helpers/temporal';
import { freePort } from '../free-port';

export interface Stack {
  config: AppConfig;
  /** The API's base URL, also the public one its links carry. */
  base: string;
  sink: SmtpSink;
  browser: Browser;
  close(): Promise<void>;
}

/** A dev server of its own on loopback, with Doorstep's search attributes, when no address is given. */
async function temporalAt(address?: string): Promise<{ address: string; stop(): Promise<void> }> {
  if (address) return { address, stop: async () => {} };
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCli() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      ip: '127.0.0.1',
    },
  });
  return { address: env.address, stop: () => env.teardown() };
}

/** Starts the stack for the configuration file `file`; the worker runs until `close`. */
export async function openStack(file: object, temporalAddress?: string): Promise<Stack> {
  const temporal = await temporalAt(temporalAddress);
  const sink = await smtpSink();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = configWith(file, {
    SMTP_URL: sink.url,
    MAIL_FROM: 'Doorstep <doorstep@doorstep.example>',
    PORT: String(port),
    PUBLIC_BASE_URL: base,
  });
  const client = new Client({
    connection: await Connection.connect({ address: temporal.address }),
    dataConverter: dataConverterOf(config),
  });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const store = await createStore(config);
  const worker = await testWorker(config, connection, 'default', { store, registry: new Registry() });
  const running = worker.run();
  const server = await new Promise<Server>((resolve) => {
    const s = appFor(config, client, store).listen(port, '127.0.0.1', () => resolve(s));
  });
  const browser = await launchBrowser();
  return {
    config,
    base,
    sink,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await running;
      await client.connection.close();
      await connection.close();
      await store.close();
      await sink.close();
      await temporal.stop();
    },
  };
}
