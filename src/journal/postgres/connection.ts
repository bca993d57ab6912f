/**
 * Where the team journal lives: a PostgreSQL URL from `--journal`, `INSTR_JOURNAL` or `journal:` in
 * instr.config.yaml. Whatever the URL leaves out (host, user, password, database…) the driver takes
 * from the PG* environment variables and ~/.pgpass; `?service=NAME` (or PGSERVICE) reads the entry of
 * the libpq service file. The password is never shown: `label` is the URL with it masked.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClientConfig } from 'pg';
import { parse, toClientConfig } from 'pg-connection-string';

export interface PostgresTarget {
  /** The URL for people: password masked, query kept. */
  label: string;
  config: ClientConfig;
  /** Secrets to scrub from any message that might echo them. */
  secrets: string[];
}

const URL_PATTERN = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && URL_PATTERN.test(value.trim());
}

/** Masks the password of every postgres URL in a text (errors, labels). */
export function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/?#@\s]*:)([^@\s/]*)@/gi, '$1***@').replace(/([?&]password=)[^&\s]*/gi, '$1***');
}

/** Masks the URL's password and each known secret in a message. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = redactUrls(text);
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join('***');
  return out;
}

/** Connection settings from a postgres URL; throws an Error whose message holds no secret. */
export function postgresTarget(url: string, env: NodeJS.ProcessEnv = process.env): PostgresTarget {
  let parsed: ReturnType<typeof parse>;
  try {
    const u = new URL(url.trim());
    const service = u.searchParams.get('service') ?? env['PGSERVICE'] ?? null;
    u.searchParams.delete('service');
    // libpq's meaning of sslmode (require = encrypted, verify-full = encrypted and the certificate checked)
    parsed = parse(u.toString(), { useLibpqCompat: true });
    if (service) fillFromService(parsed, service, env);
  } catch (error) {
    throw new Error(`not a usable PostgreSQL URL ${redactUrls(url)}: ${redactUrls(error instanceof Error ? error.message : String(error))}`);
  }
  // An empty part means "as the driver's defaults say" (PGHOST, PGUSER…), not "empty".
  for (const key of ['host', 'port', 'user', 'password', 'database'] as const) if (parsed[key] === '' || parsed[key] === null) delete parsed[key];
  const config = toClientConfig(parsed);
  const password = typeof config.password === 'string' ? config.password : (env['PGPASSWORD'] ?? '');
  return { label: redactUrls(url.trim()), config, secrets: password ? [password, encodeURIComponent(password)] : [] };
}

/** Fills what the URL leaves out from the `[service]` section of the libpq service file. */
function fillFromService(parsed: Record<string, unknown>, service: string, env: NodeJS.ProcessEnv): void {
  const files = [env['PGSERVICEFILE'] ?? join(homedir(), '.pg_service.conf'), join(env['PGSYSCONFDIR'] ?? '/etc/postgresql-common', 'pg_service.conf')];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const entries = serviceEntries(text, service);
    if (!entries) continue;
    const names: Record<string, string> = {
      host: 'host',
      hostaddr: 'host',
      port: 'port',
      user: 'user',
      password: 'password',
      dbname: 'database',
      sslmode: 'sslmode',
      application_name: 'application_name',
    };
    for (const [key, value] of Object.entries(entries)) {
      const name = names[key];
      if (name && (parsed[name] === undefined || parsed[name] === '' || parsed[name] === null)) parsed[name] = value;
    }
    if (entries['sslmode'] && entries['sslmode'] !== 'disable' && parsed['ssl'] === undefined)
      parsed['ssl'] = entries['sslmode'] === 'verify-full' ? {} : { rejectUnauthorized: false };
    return;
  }
  throw new Error(`no service "${service}" in ${files.join(' or ')}`);
}

/** The key=value lines of one `[name]` section of an INI-style service file, or null. */
export function serviceEntries(text: string, service: string): Record<string, string> | null {
  let inside = false;
  let found: Record<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inside = section[1]!.trim() === service;
      if (inside) found ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (inside && eq > 0) found![line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return found;
}
