export { type CreateAppOptions, createApp, type RecordflowApp } from './create-app';
export { emittedSchema } from './schema/emitted-schema';
export { DatabaseMode } from './system/about.model';
