import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/support/server.ts';

/**
 * Docker cannot run in CI here, so the container files are checked for what would break a
 * municipality's deployment silently: a variable the service does not read, or an image that
 * moves under them.
 */
describe('container deployment files', () => {
  const compose = readFileSync(join(REPO_ROOT, 'compose.yaml'), 'utf8');
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it('every variable given to the service is one the README’s settings table documents', () => {
    const service = compose.slice(compose.indexOf('  norishiro:'), compose.indexOf('  meilisearch:'));
    const env = service.slice(service.indexOf('environment:'), service.indexOf('volumes:'));
    const keys = [...env.matchAll(/^ {6}([A-Z_]+):/gm)].map((m) => m[1]!);
    expect(keys).toEqual(expect.arrayContaining(['DATABASE_URL', 'MEILI_URL', 'NORISHIRO_DATA_KEY']));
    for (const key of keys) expect(readme, key).toContain('| `' + key + '`');
  });

  it('images are pinned to a version, never latest', () => {
    const images = [...compose.matchAll(/image: (\S+)/g)].map((m) => m[1]!);
    expect(images).toHaveLength(2);
    for (const image of images) expect(image).toMatch(/:v?\d+\.\d+(\.\d+)?(-[a-z]+)?$/);
    expect(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).toMatch(/^FROM node:\d+\.\d+-/m);
  });
});
