-- A re-import removes a resource its plan no longer lists; residents' notes and hosts'
-- proposals about it go with it instead of making the whole import fail.
alter table resource_suggestions drop constraint resource_suggestions_resource_id_fkey;
alter table resource_suggestions add constraint resource_suggestions_resource_id_fkey
  foreign key (resource_id) references resources (id) on delete cascade;
