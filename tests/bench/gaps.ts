import { coverageOf, kochikuReport, scoped } from '@norishiro/api';
import { migrate, type Db } from '@norishiro/indexer';
import { percentile } from './stats.ts';

export interface GapScaleFigures {
  database: 'pglite' | 'postgres';
  municipalities: number;
  resources: number;
  gaps: number;
  loadSeconds: number;
  samples: number;
  bareCount: { p50: number; p95: number };
  /** Counts over every row each side reads: gaps and resources; plus events and history for the report. */
  bareCoverageRows: { p50: number; p95: number };
  bareReportRows: { p50: number; p95: number };
  /** `ratio` is against the count over the same rows (the goal); `ratioGapsOnly` against the gaps count. */
  coverage: { p50: number; p95: number; ratio: number; ratioGapsOnly: number };
  report: { p50: number; p95: number; ratio: number; ratioGapsOnly: number };
}

const CATEGORIES = [
  'ibasho',
  'salon',
  'work_experience',
  'volunteer_experience',
  'consultation',
  'childcare_hub',
  'learning_support',
];
const TARGETS = ['anyone', 'elderly', 'children', 'school_refusal', 'youth', 'hikikomori', 'poverty', 'disability'];

/** Everything generated in SQL: a million rows one by one would measure the loader, not the query. */
export async function loadGapScale(db: Db, m: number, r: number, g: number) {
  await db.query(
    `insert into municipalities (code, data)
     select lpad(i::text, 6, '0'), jsonb_build_object('code', lpad(i::text, 6, '0'), 'name', '市' || i, 'districts', '[]'::jsonb)
     from generate_series(1, $1) i`,
    [m],
  );
  await db.query(
    `insert into resources (id, municipality, data, imported, origin)
     select 'r' || i, lpad((1 + i % $2)::text, 6, '0'), d, d, 'bench'
     from generate_series(1, $1) i,
     lateral (select jsonb_build_object('id', 'r' || i, 'name', '資源' || i, 'status', 'active',
       'district', '地区' || (i % 12), 'categories', jsonb_build_array(($3::text[])[1 + i % 7]),
       'targets', jsonb_build_array(($4::text[])[1 + i % 8]), 'schedule', jsonb_build_object('kind', 'unknown')) as d) x`,
    [r, m, CATEGORIES, TARGETS],
  );
  await db.query(
    `insert into gaps (id, municipality, period, key, district, stage, situations, categories, time_bands, count, status)
     select 'g' || i, lpad((1 + i % $2)::text, 6, '0'), '2026-' || lpad((1 + i % 12)::text, 2, '0'), 'k' || i,
       '地区' || (i % 12), 1 + i % 4, array[($3::text[])[1 + i % 8]], array[($4::text[])[1 + i % 7]],
       array['weekday_day'], 1 + i % 5, (array['new','council','in_progress','resolved','dropped'])[1 + i % 5]
     from generate_series(1, $1) i`,
    [g, m, TARGETS, CATEGORIES],
  );
  await db.exec('analyze');
}

// The bare side of each comparison counts the rows the measured side reads, nothing more.
const GAP_ROWS = '(select sum(count) from gaps where municipality = $1) as gaps';
const RESOURCE_ROWS = '(select count(*) from resources where municipality = $1) as resources';
const EVENT_ROWS = '(select count(*) from gap_events where municipality = $1) as events';
const HISTORY_ROWS =
  '(select count(*) from resource_history h join resources r on r.id = h.resource_id where r.municipality = $1) as history';

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * 1,741 municipalities, 100,000 resources and 1,000,000 gap records: a municipality's
 * coverage table and report against a bare SQL count over the same rows, same run.
 */
export async function benchGapScale(
  db: Db,
  kind: 'pglite' | 'postgres',
  opts: { municipalities: number; resources: number; gaps: number; samples: number },
): Promise<GapScaleFigures> {
  await migrate(db);
  const started = performance.now();
  await loadGapScale(db, opts.municipalities, opts.resources, opts.gaps);
  const loadSeconds = (performance.now() - started) / 1000;
  const bare: number[] = [];
  const bareCov: number[] = [];
  const bareRep: number[] = [];
  const cov: number[] = [];
  const rep: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    const code = String(1 + ((i * 7919) % opts.municipalities)).padStart(6, '0');
    const scope = scoped(db, {
      userId: 'bench',
      email: 'b@example.test',
      name: 'bench',
      role: 'staff',
      municipalities: [code],
      resources: [],
      ip: 'bench',
    });
    const sides = [
      async () =>
        bare.push(await time(() => db.query('select count(*), sum(count) from gaps where municipality = $1', [code]))),
      async () => bareCov.push(await time(() => db.query(`select ${GAP_ROWS}, ${RESOURCE_ROWS}`, [code]))),
      async () =>
        bareRep.push(
          await time(() => db.query(`select ${GAP_ROWS}, ${RESOURCE_ROWS}, ${EVENT_ROWS}, ${HISTORY_ROWS}`, [code])),
        ),
      async () => cov.push(await time(() => coverageOf(scope, code, 'district_category'))),
      async () => rep.push(await time(() => kochikuReport(scope, code, '2026-01-01', '2026-12-31'))),
    ];
    // Each side goes first in turn: whichever reads the municipality's rows first pays for the cold pages.
    for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]!();
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  };
  const b = stats(bare);
  const bc = stats(bareCov);
  const br = stats(bareRep);
  const c = stats(cov);
  const r = stats(rep);
  return {
    database: kind,
    municipalities: opts.municipalities,
    resources: opts.resources,
    gaps: opts.gaps,
    loadSeconds,
    samples: opts.samples,
    bareCount: b,
    bareCoverageRows: bc,
    bareReportRows: br,
    coverage: { ...c, ratio: c.p95 / bc.p95, ratioGapsOnly: c.p95 / b.p95 },
    report: { ...r, ratio: r.p95 / br.p95, ratioGapsOnly: r.p95 / b.p95 },
  };
}
