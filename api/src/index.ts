export * from './app.ts';
export * from './deps.ts';
export * from './errors.ts';
export * from './server.ts';
export { matchProfile } from './match/service.ts';
