import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createDeps, prepareData } from '@norishiro/api';
import { inventoryBatch, loadConfig, meiliClient, openRuntime, runImport, type Runtime } from '@norishiro/indexer';
import { answeredWithin, eventually, tempDir } from './support.ts';

const SEARCH_DOWN = /検索が一時的に使えません/;
const json = { 'content-type': 'application/json' };

/**
 * The embedded Meilisearch killed, stopped and corrupted under a running app: search answers
 * 503 in the usual shape (Meilisearch's own on its proxy) while it is down, resource pages
 * keep working from the database, health answers within 2 s, and the engine comes back by itself.
 */
describe('when the embedded Meilisearch fails', () => {
  const dir = tempDir('norishiro-rel-');
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  let rt: Runtime;
  let app: ReturnType<typeof createApp>;
  let someId: string;

  const open = async () => {
    rt = await openRuntime(loadConfig({ DATA_DIR: dir }), { log, meiliHangMs: 3_000 });
    await prepareData(rt, log);
    app = createApp(createDeps({ db: rt.db, meili: rt.meili, indexName: rt.indexName }));
  };
  /** The engine's pid once it is up: never 0, which would signal this whole process group. */
  const enginePid = async (): Promise<number> => {
    const pid = await eventually(async () => (rt.embedded!.up ? rt.embedded!.pid : undefined), 'the engine up');
    if (!pid || pid <= 0) throw new Error('no engine pid');
    return pid;
  };
  const searchAnswers = async () => (await app.request('/api/resources?q=サロン')).status === 200;

  beforeAll(async () => {
    await open();
    someId = ((await (await app.request('/api/resources?perPage=1')).json()) as { hits: { id: string }[] }).hits[0]!.id;
  }, 180_000);
  afterAll(async () => {
    await rt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectSearchDown = async () => {
    const [resources, match, proxy] = await Promise.all([
      app.request('/api/resources?q=サロン'),
      app.request('/api/match', { method: 'POST', headers: json, body: JSON.stringify({ municipality: '162051' }) }),
      app.request('/api/search/multi-search', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ queries: [{ indexUid: 'resources', q: 'サロン' }] }),
      }),
    ]);
    for (const res of [resources, match, proxy]) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    for (const res of [resources, match])
      expect((await res.json()).error).toMatchObject({ code: 'service_unavailable', message: SEARCH_DOWN });
    // InstantSearch clients read Meilisearch's own error shape.
    expect(await proxy.json()).toMatchObject({
      code: 'norishiro_search_unavailable',
      type: 'system',
      message: SEARCH_DOWN,
    });
  };

  it('after kill -9: 503 while down, pages from the database, one log line, and a restart', async () => {
    const before = await enginePid();
    const exited = lines.length;
    process.kill(before, 'SIGKILL');
    await eventually(async () => !rt.embedded!.up || rt.embedded!.pid !== before, 'noticing the exit');
    // The restart may already be done on a fast machine; while it is not, search says so.
    if (!rt.embedded!.up) await expectSearchDown().catch(() => undefined);
    const page = await app.request(`/api/resources/${encodeURIComponent(someId)}`);
    expect(page.status).toBe(200);
    await eventually(searchAnswers, 'search answering again');
    expect(rt.embedded!.pid).not.toBe(before);
    const news = lines.slice(exited);
    expect(news.filter((l) => l.includes('止まりました'))).toHaveLength(1);
    expect(news.some((l) => l.includes('再起動しました'))).toBe(true);
  });

  it('while it is down for good: every search route answers 503 and health answers within 2 s', async () => {
    const pid = await enginePid();
    process.kill(pid, 'SIGSTOP');
    try {
      await expectSearchDown();
      const health = await answeredWithin(app.request('/api/health'), 2_000);
      expect(health).not.toBe('late');
      expect((health as Response).status).toBe(503);
    } finally {
      // The watchdog kills a hung child; SIGCONT only matters if this ran before it did.
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // already replaced
      }
    }
  });

  it('after SIGSTOP: the watchdog kills the hung engine and starts a new one', async () => {
    await eventually(searchAnswers, 'search answering before the test');
    const pid = await enginePid();
    process.kill(pid, 'SIGSTOP');
    await eventually(async () => rt.embedded!.pid !== pid && rt.embedded!.up, 'a new engine', 60_000);
    await eventually(searchAnswers, 'search answering again');
    expect(lines.some((l) => l.includes('応答しません'))).toBe(true);
  });

  it('a database ahead of the index is reported by health and caught up without a restart', async () => {
    // An import whose index step fails after the commit (here: Meilisearch unreachable).
    const batch = inventoryBatch();
    const renamed = { ...batch.resources[0]!, name: `${batch.resources[0]!.name}（改称）` };
    const dead = meiliClient('http://127.0.0.1:9', 'x', { timeoutMs: 500 });
    await expect(
      runImport(
        { db: rt.db, meili: dead, indexName: rt.indexName },
        { ...batch, resources: [renamed, ...batch.resources.slice(1)] },
      ),
    ).rejects.toThrow();
    const health = (await (await app.request('/api/health')).json()) as { index: string };
    expect(health.index).toBe('behind, 1 changes');

    const { followIndex } = await import('@norishiro/indexer');
    const follower = followIndex(rt, { everyMs: 200, log });
    try {
      await eventually(
        async () => ((await (await app.request('/api/health')).json()) as { index: string }).index === 'current',
        'the index catching up',
      );
    } finally {
      await follower.stop();
    }
    const hit = await app.request(`/api/resources?q=${encodeURIComponent('改称')}`);
    expect(((await hit.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toContain(renamed.id);
    expect(lines.some((l) => l.includes('1 件の変更を反映しました'))).toBe(true);
  });

  it('corrupt index files: the next start wipes them, says so, and rebuilds from the database', async () => {
    await rt.close();
    const indexes = join(dir, 'meili', 'data.ms', 'indexes');
    for (const uuid of readdirSync(indexes)) writeFileSync(join(indexes, uuid, 'data.mdb'), Buffer.alloc(64 * 1024, 7));
    lines.length = 0;
    await open();
    expect(lines.some((l) => l.includes('壊れていたため消去しました'))).toBe(true);
    expect(lines.some((l) => l.includes('検索索引をデータベースから作り直しました'))).toBe(true);
    expect(await searchAnswers()).toBe(true);
    const health = (await (await app.request('/api/health')).json()) as { status: string; index: string };
    expect(health).toMatchObject({ status: 'ok', index: 'current' });
  });

  it('a half-built index left by a crash is deleted at the next start', async () => {
    const orphan = `${rt.indexName}_build_${Date.now() - 1000}`;
    await rt.meili.createIndex(orphan).waitTask();
    await rt.close();
    await open();
    const names = (await rt.meili.getRawIndexes()).results.map((i) => i.uid);
    expect(names).not.toContain(orphan);
    expect(names).toContain(rt.indexName);
  });
});
