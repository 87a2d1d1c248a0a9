/**
 * The shared contract: zod schemas and inferred types for what enters a chain (shop, order, events,
 * ratings) and what a chain exposes. The API validates with these; workflows import types only.
 * Each part lives in its own file; this module gathers them so that every caller has one import.
 */
export * from './carried';
export { CHANNELS, type ChannelName } from './channels';
export * from './delivery';
export * from './events';
export { ID_PATTERN } from './fields';
export * from './notice-facts';
export * from './order';
export * from './shop';
export * from './stages';
export * from './state';
