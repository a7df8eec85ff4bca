export * from './schema.ts';
export * from './describe.ts';
export * from './sessions.ts';
