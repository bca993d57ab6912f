/**
 * Version 1: runs, their events, and the inbox (unclear questions and "not covered" drafts, which
 * are events too). Applied once by `src/journal/postgres/migrate.ts`; never edit a released
 * migration: add the next file.
 */
export const sql = `
CREATE TABLE instr_runs (
  run         text PRIMARY KEY,
  task        text,
  title       text NOT NULL DEFAULT '',
  file        text NOT NULL DEFAULT '',
  lang        text NOT NULL DEFAULT 'en',
  user_name   text NOT NULL DEFAULT '',
  scripted    boolean NOT NULL DEFAULT false,
  started_at  text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX instr_runs_user ON instr_runs (user_name);

-- One row per journal record. id is made by the client, so a retried upload is a no-op
-- (INSERT … ON CONFLICT DO NOTHING); (run, seq) is unique as in the file journal.
CREATE TABLE instr_events (
  id          uuid PRIMARY KEY,
  run         text NOT NULL,
  seq         integer NOT NULL,
  type        text NOT NULL,
  at          text NOT NULL,
  node        text,
  -- the record exactly as the file journal holds it (JSON text: jsonb would refuse a NUL character typed in a note)
  record      text NOT NULL,
  -- needed to fold the run's state (not one of the many plain "done" steps, decisions, jumps)
  significant boolean NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT instr_events_run_seq UNIQUE (run, seq)
);
-- The report reads every run's few state-changing events (not the many "done" steps) …
CREATE INDEX instr_events_state ON instr_events (run, seq) WHERE significant;
-- … and the inbox only questions and drafts.
CREATE INDEX instr_events_inbox ON instr_events (at) WHERE type IN ('unclear', 'not-covered');
`;
