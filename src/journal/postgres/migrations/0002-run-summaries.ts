/**
 * Version 2: one folded summary per run, so that `instr report` reads one row per run instead of
 * the run's records. The fold itself is instr's (RunFolder, in TypeScript), so the writer keeps the
 * summary up to date in the transaction that stores the run's events (run-summaries.ts). A trigger
 * marks every run that gains an event as stale in that same statement: a summary the writer did
 * not bring up to date (an event stored by any other means) is never trusted, the report folds
 * that run from its events instead. Journals that exist are folded once, by this migration.
 */
export const sql = `
CREATE TABLE instr_run_summaries (
  run          text PRIMARY KEY,
  -- the user of the run's start record (as folded), for --user
  user_name    text NOT NULL DEFAULT '',
  -- how many of the run's records the summary has folded, and the highest seq among them
  events       integer NOT NULL DEFAULT 0,
  through_seq  integer NOT NULL DEFAULT -1,
  -- the folded run as JSON (RunRecord without lastAt); NULL: fold it from the events
  fold         text,
  stale        boolean NOT NULL DEFAULT true
);
CREATE INDEX instr_run_summaries_user ON instr_run_summaries (user_name);
CREATE INDEX instr_run_summaries_stale ON instr_run_summaries (run) WHERE stale;

CREATE FUNCTION instr_mark_runs_stale() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO instr_run_summaries (run) SELECT DISTINCT run FROM instr_new_events
    ON CONFLICT (run) DO UPDATE SET stale = true;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER instr_events_mark_stale AFTER INSERT ON instr_events
  REFERENCING NEW TABLE AS instr_new_events FOR EACH STATEMENT EXECUTE FUNCTION instr_mark_runs_stale();

INSERT INTO instr_run_summaries (run) SELECT DISTINCT run FROM instr_events;

-- Every role that may add events must keep the summaries too (the trigger and the writer run as
-- that role): the roles granted INSERT on the events before this version are granted that here.
DO $grant$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT a.grantee::regrole::text AS role
             FROM pg_class c, aclexplode(c.relacl) a
            WHERE c.oid = 'instr_events'::regclass AND a.privilege_type = 'INSERT' AND a.grantee NOT IN (0, c.relowner)
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON instr_run_summaries TO %s', r.role);
  END LOOP;
END
$grant$;
`;
