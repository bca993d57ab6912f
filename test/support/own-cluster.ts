/**
 * A PostgreSQL cluster of a test's own, for the fault tests that stop the server itself
 * (`pg_ctl stop -m immediate`: the server's processes are killed, as in a crash or a power cut of
 * the database machine) and start it again on the same port. The shared server of
 * scripts/with-postgres.sh serves the other test files at the same time and must stay up.
 * The binaries are those with-postgres.sh found (INSTR_TEST_POSTGRES_BIN); as there, a root
 * process runs the cluster as `nobody`, which PostgreSQL requires.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const clusterBin = process.env['INSTR_TEST_POSTGRES_BIN'] || undefined;

export interface OwnCluster {
  url: string;
  /** Kills the server at once (no checkpoint, connections dropped). */
  crash(): void;
  start(): void;
  remove(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ClusterOptions {
  /**
   * Serve TLS with this certificate and key (PEM files, copied into the cluster), and with
   * `hostssl: true` refuse every connection that is not encrypted (pg_hba.conf).
   */
  tls?: { cert: string; key: string; hostsslOnly?: boolean };
}

export async function startOwnCluster(clusterOptions: ClusterOptions = {}): Promise<OwnCluster> {
  if (!clusterBin) throw new Error('INSTR_TEST_POSTGRES_BIN is not set (scripts/with-postgres.sh sets it)');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'instr-own-cluster-'));
  chmodSync(dir, 0o755);
  if (root) {
    const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    chownSync(dir, nobody, -1);
  }
  const as = (tool: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'nobody', '--', join(clusterBin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(clusterBin, tool), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  const user = root ? 'instr' : userInfo().username;
  as('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  // synchronous_commit stays on: a commit the client was told of survives the crash (fsync off is
  // safe here, the machine itself does not crash)
  let options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
  const tls = clusterOptions.tls;
  if (tls) {
    // the key must belong to the server's user and be readable by it alone
    for (const [from, name] of [
      [tls.cert, 'server.crt'],
      [tls.key, 'server.key'],
    ] as const) {
      const to = join(data, name);
      copyFileSync(from, to);
      chmodSync(to, 0o600);
      if (root) chownSync(to, Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim()), -1);
    }
    options += ' -c ssl=on';
    if (tls.hostsslOnly) {
      const hba = join(data, 'pg_hba.conf');
      writeFileSync(hba, `local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n`);
    }
  }
  const start = () => void as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  start();
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    crash: () => void as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    remove: () => {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
