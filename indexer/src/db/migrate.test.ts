import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('keeps a $$ function body with its own semicolons as one statement', () => {
    const sql = `create table t (a int); -- note
create function f() returns trigger language plpgsql as $$
begin
  raise exception 'no';
end;
$$;
create trigger x before update on t for each row execute function f();`;
    const out = splitStatements(sql);
    expect(out).toHaveLength(3);
    expect(out[1]).toContain("raise exception 'no';");
    expect(out[1]).toMatch(/\$\$$/);
  });
});
