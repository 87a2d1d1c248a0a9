/**
 * The one configuration module: everything a process reads from its environment and the DOORSTEP_CONFIG file
 * (see load.ts).
 */
export { loadConfig, loadConfigOrExit, type AppConfig } from './load';
export { ConfigError } from './errors';
export { SCOPES, type ApiKey, type CarrierWebhook, type Scope, type StaffAccount } from './config-file';
export { DEV_SERVER_RETENTION_DAYS } from './retention';
export { logLevel, tracingSettings, type TracingSettings } from './observability';
export { Brand, ShopVoice, type TwilioSenders } from './shop-voice';
