import { Hono } from 'hono';
import { taxonomy } from '@norishiro/data';

export const taxonomyRoutes = () => new Hono().get('/', (c) => c.json(taxonomy));
