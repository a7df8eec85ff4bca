export * from './app.ts';
export * from './deps.ts';
export * from './errors.ts';
export * from './server.ts';
export { matchProfile } from './match/service.ts';
export { buildContext } from './match/context.ts';
export { candidateFilter } from './match/candidates.ts';
export { CANDIDATE_LIMIT } from './match/weights.ts';
export { SUMMARY_FIELDS } from './match/factors/index.ts';
