/** Per test process: the Temporal runtime logs warnings only (installed once per process). */
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
