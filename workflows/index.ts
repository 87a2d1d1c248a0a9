/** The workflows a Doorstep worker registers. */
export { chainWorkflow } from './chain';
export { returnChainWorkflow } from './return-chain';
export { retentionWorkflow } from './retention';
export { templateTestWorkflow } from './template-test';
export { carrierPollWorkflow } from './carrier-poll';
