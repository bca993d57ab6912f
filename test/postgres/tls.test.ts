/**
 * TLS when the URL asks for it, against a real server that refuses every unencrypted connection
 * (a cluster of this test's own, pg_hba.conf `hostssl` only, a certificate of a throwaway CA made
 * with openssl): `sslmode=require` connects encrypted, `sslmode=disable` is refused, and
 * `verify-full` with `sslrootcert` accepts the right CA and refuses another.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/journal/postgres/store.js';
import { runCli } from '../support/cli.js';
import { clusterBin, startOwnCluster, type OwnCluster } from '../support/own-cluster.js';
import { describeWithServer } from '../support/postgres.js';

const temp = mkdtempSync(join(tmpdir(), 'instr-pg-tls-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** A CA and a server certificate for 127.0.0.1 signed by it; a second CA that signed nothing. */
function certificates(dir: string): { ca: string; other: string; cert: string; key: string } {
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=instr test CA']);
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other.key', '-out', 'other.pem', '-days', '2', '-subj', '/CN=another CA']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext']);
  return { ca: join(dir, 'ca.pem'), other: join(dir, 'other.pem'), cert: join(dir, 'server.crt'), key: join(dir, 'server.key') };
}

const canRun = Boolean(clusterBin) && hasOpenssl();
if (!canRun) process.stderr.write('\n  TLS test SKIPPED: it needs the PostgreSQL binaries (scripts/with-postgres.sh) and openssl.\n\n');

describeWithServer('TLS to the team journal when the URL asks for it', () => {
  let cluster: OwnCluster | undefined;
  let certs: ReturnType<typeof certificates>;
  const cwd = join(temp, 'work');
  beforeAll(async () => {
    if (!canRun) return;
    certs = certificates(temp);
    cluster = await startOwnCluster({ tls: { cert: certs.cert, key: certs.key, hostsslOnly: true } });
    mkdirSync(cwd);
    cpSync('test/fixtures/run', join(cwd, 'instructions'), { recursive: true });
    writeFileSync(join(cwd, 'answers.yaml'), 'in-tariff: no\nagree: refuse\n');
  });
  afterAll(() => cluster?.remove());

  const url = (query: string) => `${cluster!.url}?${query}`;
  const env = { INSTR_JOURNAL: undefined, LC_ALL: 'C' };

  it.skipIf(!canRun)('sslmode=require: connected encrypted; a run and its report go through it', async () => {
    const store = new PostgresStore(url('sslmode=require'));
    try {
      const r = await store.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      expect(r.rows[0]?.ssl).toBe(true);
    } finally {
      await store.close();
    }
    const run = await runCli(['run', 'request', '--answers', 'answers.yaml', '--journal', url('sslmode=require'), '--user', 'ann', '--json'], { cwd, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = await runCli(['report', '--format', 'json', '--since', '2026-01-01', '--until', '2030-01-01', '--journal', url('sslmode=require')], {
      cwd,
      env,
    });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toBe('');
    expect((JSON.parse(report.stdout) as { scriptedRuns: number }).scriptedRuns).toBe(1);
  });

  it.skipIf(!canRun)('sslmode=disable: this server refuses it, and instr says the server does not let it in (exit 2)', async () => {
    const r = await runCli(['journal', 'migrate', '--journal', url('sslmode=disable')], { cwd, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the server does not let this user in (28000)');
  });

  it.skipIf(!canRun)('verify-full checks the certificate: the CA that signed it is accepted, another refused', async () => {
    const good = await runCli(['journal', 'migrate', '--journal', url(`sslmode=verify-full&sslrootcert=${encodeURIComponent(certs.ca)}`)], { cwd, env });
    expect(good.code, good.stderr).toBe(0);
    const bad = await runCli(['journal', 'migrate', '--journal', url(`sslmode=verify-full&sslrootcert=${encodeURIComponent(certs.other)}`)], { cwd, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/certificate/i);
  });
});
