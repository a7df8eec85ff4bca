-- The board and the 構築会議 report read one municipality's gaps by month.
create index gaps_municipality_period on gaps (municipality, period);
-- Resolutions by month for one municipality, without reading its other gaps or events.
alter table gap_events add column municipality text;
update gap_events e set municipality = g.municipality from gaps g where g.id = e.gap_id;
create index gap_events_resolved on gap_events (municipality, at) where to_status = 'resolved';

-- Referrals sent and started per category of the resource, for the 構築会議 report, in the
-- same round trip as the rest of it. The referrals table belongs to the referral loop: where
-- an instance has none, this answers null (「紹介の記録はまだありません」) instead of failing.
create function gap_referral_outcomes(m text, allowed text[], since timestamptz, until timestamptz) returns json
language plpgsql stable as $$
declare
  result json;
begin
  if to_regclass('referrals') is null then
    return null;
  end if;
  execute $q$
    select coalesce(json_agg(x order by x.sent desc, x.category), '[]'::json) from (
      select c.category,
        count(*) filter (where r.status <> 'draft') as sent,
        count(*) filter (where r.status in ('started', 'settled', 'ended')) as started
      from referrals r join resources res on res.id = r.resource_id,
        jsonb_array_elements_text(res.data->'categories') as c(category)
      where r.municipality = $1 and r.municipality = any($2)
        and r.created_at >= $3 and r.created_at < $4
      group by c.category) x
  $q$ into result using m, allowed, since, until;
  return result;
end
$$;
