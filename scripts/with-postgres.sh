#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL server: a cluster in a temporary folder, owned by
# an unprivileged user, listening on a free port of 127.0.0.1 only, with a random password.
# The command sees its URL in INSTR_TEST_POSTGRES_URL; the server is stopped and the folder
# removed when the command ends, however it ends. Exits with the command's status.
#   scripts/with-postgres.sh npm test
set -euo pipefail

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
}

bindir=$(find_bindir || true)
if [ -z "$bindir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "with-postgres: installing the PostgreSQL server (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql-15 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-15 >/dev/null; } || apt-get install -y -q postgresql >/dev/null
  bindir=$(find_bindir || true)
fi
if [ -z "$bindir" ]; then
  echo "with-postgres: no PostgreSQL server binaries (initdb, pg_ctl) found" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: the cluster belongs to an unprivileged user.
run_as=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=nobody
  if command -v runuser >/dev/null 2>&1; then run_as=(runuser -u "$owner" --); else run_as=(su -s /bin/sh "$owner" -c); fi
fi
as_owner() {
  if [ ${#run_as[@]} -eq 0 ]; then "$@"
  elif [ "${run_as[0]}" = su ]; then "${run_as[@]}" "$(printf '%q ' "$@")"
  else "${run_as[@]}" "$@"; fi
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-cluster.XXXXXX")
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown "$owner" "$dir"
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

stop() {
  local status=$?
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit "$status"
}
trap stop EXIT INT TERM

printf '%s\n' "$password" >"$dir/pw"
[ "$(id -u)" = 0 ] && chown "$owner" "$dir/pw"
as_owner "$bindir/initdb" -D "$dir/data" -U instr --pwfile="$dir/pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || as_owner "$bindir/initdb" -D "$dir/data" -U instr --pwfile="$dir/pw" --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pw"
# fsync off: a test server's data need not survive a power cut, and the tests run faster
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

export INSTR_TEST_POSTGRES_URL="postgres://instr:${password}@127.0.0.1:${port}/postgres"
export INSTR_TEST_POSTGRES_BIN="$bindir"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $dir, owner $owner)" >&2
set +e
"$@"
