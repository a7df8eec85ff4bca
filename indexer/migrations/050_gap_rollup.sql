-- The 構築会議 report and the coverage table read a municipality's needs per month, summed
-- by status and need. Summing hundreds of scattered gap rows on every view is most of their
-- cost at a prefecture's scale; this table keeps those sums per municipality and month, one
-- row each, kept exact by statement triggers on gaps (a bulk load is one pass, not one per row).
--   cells:        {"[status, district, categories, situations, time_bands]": [needs, records]}
--   report_cells: {"[status, district, categories]": [needs, records]}, all the report reads,
--                 small enough to stay in the row.
create table gap_rollup (
  municipality text not null,
  period text not null,
  cells jsonb not null default '{}',
  report_cells jsonb not null default '{}',
  primary key (municipality, period)
);

-- Adds one set of signed sums into another; a key whose needs reach 0 is dropped.
create function gap_rollup_merge(a jsonb, b jsonb) returns jsonb
language sql immutable as $$
  select coalesce(jsonb_object_agg(k, jsonb_build_array(n, c)) filter (where n <> 0), '{}'::jsonb)
  from (select k, sum((v->>0)::bigint) as n, sum((v->>1)::bigint) as c
        from (select * from jsonb_each(a) union all select * from jsonb_each(b)) e(k, v)
        group by k) s
$$;

create function gap_rollup_key(status text, district text, categories text[], situations text[], time_bands text[])
returns text language sql immutable as $$
  select jsonb_build_array(status, district, to_jsonb(categories), to_jsonb(situations), to_jsonb(time_bands))::text
$$;

create function gap_rollup_report_key(status text, district text, categories text[]) returns text
language sql immutable as $$ select jsonb_build_array(status, district, to_jsonb(categories))::text $$;

-- Sums the statement's rows, signed (+1 and the count for new rows, -1 and minus the count
-- for old ones), per municipality, month and key, and merges them into the kept sums.
create function gap_rollup_changed() returns trigger language plpgsql as $$
declare
  cols constant text := 'municipality, period, status, district, categories, situations, time_bands';
  signed text := case tg_op
    when 'INSERT' then format('select %s, 1 as dn, count as dc from new_rows', cols)
    when 'DELETE' then format('select %s, -1 as dn, -count as dc from old_rows', cols)
    else format('select %s, -1 as dn, -count as dc from old_rows union all select %s, 1, count from new_rows', cols, cols)
  end;
begin
  execute format($q$
    with d as (%s),
    needs as (
      select municipality, period, jsonb_object_agg(k, jsonb_build_array(n, c)) as cells
      from (select municipality, period, gap_rollup_key(status, district, categories, situations, time_bands) as k,
              sum(dn) as n, sum(dc) as c
            from d group by 1, 2, 3 having sum(dn) <> 0 or sum(dc) <> 0) x
      group by 1, 2),
    report as (
      select municipality, period, jsonb_object_agg(k, jsonb_build_array(n, c)) as cells
      from (select municipality, period, gap_rollup_report_key(status, district, categories) as k,
              sum(dn) as n, sum(dc) as c
            from d group by 1, 2, 3 having sum(dn) <> 0 or sum(dc) <> 0) x
      group by 1, 2)
    insert into gap_rollup (municipality, period, cells, report_cells)
    select municipality, period, coalesce(needs.cells, '{}'), coalesce(report.cells, '{}')
    from needs full join report using (municipality, period)
    on conflict (municipality, period) do update set
      cells = gap_rollup_merge(gap_rollup.cells, excluded.cells),
      report_cells = gap_rollup_merge(gap_rollup.report_cells, excluded.report_cells)$q$, signed);
  return null;
end $$;

create trigger gap_rollup_insert after insert on gaps referencing new table as new_rows
  for each statement execute function gap_rollup_changed();
create trigger gap_rollup_update after update on gaps referencing old table as old_rows new table as new_rows
  for each statement execute function gap_rollup_changed();
create trigger gap_rollup_delete after delete on gaps referencing old table as old_rows
  for each statement execute function gap_rollup_changed();

insert into gap_rollup (municipality, period, cells, report_cells)
select municipality, period, n.cells, r.cells
from (select municipality, period, jsonb_object_agg(k, jsonb_build_array(n, c)) as cells
      from (select municipality, period, gap_rollup_key(status, district, categories, situations, time_bands) as k,
              count(*) as n, sum(count) as c
            from gaps group by 1, 2, 3) x group by 1, 2) n
join (select municipality, period, jsonb_object_agg(k, jsonb_build_array(n, c)) as cells
      from (select municipality, period, gap_rollup_report_key(status, district, categories) as k,
              count(*) as n, sum(count) as c
            from gaps group by 1, 2, 3) x group by 1, 2) r using (municipality, period);

-- The report's ten most recorded needs, without reading the rest of the period's rows (nor
-- the 見送り ones, which would otherwise be read and thrown away when they top the counts).
create index gaps_top on gaps (municipality, count desc, updated_at desc, id) where status <> 'dropped';

-- Referral outcomes with a plan kept per session: the query no longer goes through EXECUTE,
-- which planned it anew on every report. It is planned only once the table is known to exist.
create or replace function gap_referral_outcomes(m text, allowed text[], since timestamptz, until timestamptz) returns json
language plpgsql stable as $$
begin
  if to_regclass('referrals') is null then
    return null;
  end if;
  return (
    select coalesce(json_agg(x order by x.sent desc, x.category), '[]'::json) from (
      select c.category,
        count(*) filter (where r.status <> 'draft') as sent,
        count(*) filter (where r.status in ('started', 'settled', 'ended')) as started
      from referrals r join resources res on res.id = r.resource_id,
        jsonb_array_elements_text(res.data->'categories') as c(category)
      where r.municipality = m and r.municipality = any(allowed)
        and r.created_at >= since and r.created_at < until
      group by c.category) x);
end
$$;
