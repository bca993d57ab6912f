import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseJournal } from '../../src/journal/choose.js';
import { isPostgresUrl, postgresTarget, redactUrls, serviceEntries } from '../../src/journal/postgres/connection.js';
import { eventId } from '../../src/journal/postgres/event-id.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-conn-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the team journal URL', () => {
  it('is recognised only with the postgres:// or postgresql:// scheme', () => {
    expect(isPostgresUrl('postgres://h/db')).toBe(true);
    expect(isPostgresUrl('PostgreSQL://h/db')).toBe(true);
    expect(isPostgresUrl('.instr/journal.jsonl')).toBe(false);
    expect(isPostgresUrl('postgres-journal.jsonl')).toBe(false);
  });

  it('never shows the password: labels and error messages mask it', () => {
    expect(redactUrls('at postgres://ann:s3cr%40t@db.firm:5432/instr?sslmode=require')).toBe('at postgres://ann:***@db.firm:5432/instr?sslmode=require');
    expect(redactUrls('postgres://h/db?user=ann&password=hunter2&x=1')).toBe('postgres://h/db?user=ann&password=***&x=1');
    const t = postgresTarget('postgres://ann:hunter2@db.firm/instr');
    expect(t.label).toBe('postgres://ann:***@db.firm/instr');
    expect(t.config.password).toBe('hunter2');
    expect(() => postgresTarget('postgres://ann:hunter2@db.firm:notaport/instr')).toThrow(/postgres:\/\/ann:\*\*\*@/);
    try {
      postgresTarget('postgres://ann:hunter2@db.firm:notaport/instr');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('uses TLS when the URL asks for it, with libpq meaning of sslmode', () => {
    expect(postgresTarget('postgres://h/db').config.ssl).toBeUndefined();
    expect(postgresTarget('postgres://h/db?sslmode=disable').config.ssl).toBe(false);
    expect(postgresTarget('postgres://h/db?sslmode=require').config.ssl).toMatchObject({ rejectUnauthorized: false });
    const full = postgresTarget('postgres://h/db?sslmode=verify-full').config.ssl;
    expect(full).toBeTypeOf('object');
    expect((full as { rejectUnauthorized?: boolean }).rejectUnauthorized).not.toBe(false);
  });

  it('leaves what the URL does not say to the PG* variables (the driver reads them)', () => {
    const t = postgresTarget('postgres://');
    expect(t.config.host).toBeUndefined();
    expect(t.config.user).toBeUndefined();
    expect(t.config.database).toBeUndefined();
  });

  it('reads a libpq service file for ?service= or PGSERVICE', () => {
    const file = join(temp, 'pg_service.conf');
    writeFileSync(file, '# firm\n[other]\nhost=x\n\n[instr]\nhost=db.firm\nport=6543\ndbname=journal\nuser=ann\npassword=pw-from-file\nsslmode=require\n');
    expect(serviceEntries('[a]\nhost=1\n[b]\nhost=2\n', 'b')).toEqual({ host: '2' });
    const t = postgresTarget('postgres:///?service=instr', { PGSERVICEFILE: file });
    expect(t.config).toMatchObject({ host: 'db.firm', port: 6543, database: 'journal', user: 'ann', password: 'pw-from-file' });
    expect(t.config.ssl).toBeTruthy();
    expect(t.secrets).toContain('pw-from-file');
    expect(postgresTarget('postgres://', { PGSERVICEFILE: file, PGSERVICE: 'instr' }).config.host).toBe('db.firm');
    // the URL wins over the service file
    expect(postgresTarget('postgres://other.host/db?service=instr', { PGSERVICEFILE: file }).config).toMatchObject({ host: 'other.host', database: 'db' });
    expect(() => postgresTarget('postgres:///?service=nope', { PGSERVICEFILE: file })).toThrow(/no service "nope"/);
  });
});

describe('which journal a command uses', () => {
  it('is --journal, else INSTR_JOURNAL, else journal: in instr.config.yaml, else .instr/journal.jsonl', async () => {
    const dir = join(temp, 'firm', 'sub');
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(temp, 'firm', '.git'), { recursive: true });
    expect(await chooseJournal(dir, undefined, {})).toEqual({ kind: 'file', path: join(dir, '.instr', 'journal.jsonl'), explicit: false });
    writeFileSync(join(temp, 'firm', 'instr.config.yaml'), 'extends: recommended\njournal: postgres://ann@db.firm/instr\n');
    expect(await chooseJournal(dir, undefined, {})).toEqual({
      kind: 'postgres',
      url: 'postgres://ann@db.firm/instr',
      outbox: join(dir, '.instr', 'journal.jsonl'),
      from: 'config',
    });
    expect(await chooseJournal(dir, undefined, { INSTR_JOURNAL: 'postgresql://x/y' })).toMatchObject({
      kind: 'postgres',
      url: 'postgresql://x/y',
      from: 'env',
    });
    expect(await chooseJournal(dir, 'mine.jsonl', { INSTR_JOURNAL: 'postgresql://x/y' })).toEqual({
      kind: 'file',
      path: join(dir, 'mine.jsonl'),
      explicit: true,
    });
    writeFileSync(join(temp, 'firm', 'instr.config.yaml'), 'journal: shared/journal.jsonl\n');
    expect(await chooseJournal(dir, undefined, {})).toEqual({ kind: 'file', path: join(temp, 'firm', 'shared', 'journal.jsonl'), explicit: true });
  });
});

describe('event ids', () => {
  it('are made on the client, the same for the same record, different for another', () => {
    const a = eventId({ run: '20261127T101500Z-a1b2c3', seq: 4 });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventId({ run: '20261127T101500Z-a1b2c3', seq: 4 })).toBe(a);
    expect(eventId({ run: '20261127T101500Z-a1b2c3', seq: 5 })).not.toBe(a);
    expect(eventId({ run: 'r', seq: 0, id: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE' })).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
  });
});
