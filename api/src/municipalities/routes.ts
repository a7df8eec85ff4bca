import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';

export const municipalityRoutes = (deps: AppDeps) =>
  new Hono().get('/', async (c) => c.json(await deps.municipalities()));
