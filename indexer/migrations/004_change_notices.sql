-- Several instances share one database: when reference data changes, every instance is
-- told so it can drop its cached copy (LISTEN norishiro_changes).
create function notify_municipalities_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('norishiro_changes', 'municipalities');
  return null;
end;
$$;

create trigger municipalities_changed after insert or update or delete on municipalities
  for each statement execute function notify_municipalities_changed();
