#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on a
# random free port on 127.0.0.1, with fsync off (fast; the data is thrown away anyway).
#
#   eval "$(.ci/start-postgres.sh)"      # exports FC_TEST_POSTGRES_URL, _USER, _PASSWORD, _DIR
#   ./mvnw verify                        # the PostgreSQL variants of the persistence tests now run
#   .ci/stop-postgres.sh                 # stops the server and deletes its folder
#
# Only the export lines go to standard output; progress and errors go to standard error.
# Works as root (the server then runs as user postgres) and as a normal user. Needs Debian's
# postgresql package; .ci/run installs it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

# The newest installed server, unless FC_POSTGRES_BIN names a bin folder.
pg_bin=${FC_POSTGRES_BIN:-$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
	ci_log "start-postgres: no PostgreSQL server found under /usr/lib/postgresql (install Debian's postgresql package)."
	exit 1
fi

as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/fc-test-postgres.XXXXXX")
touch "$dir/.fc-test-postgres"     # stop-postgres.sh deletes only folders with this marker
started=no
cleanup_on_failure() {
	if [ "$started" != ready ]; then
		if [ "$started" = yes ]; then
			as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
		fi
		rm -rf "$dir"
	fi
}
trap cleanup_on_failure EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"

user=featurecreep
password=$(ci_random_hex 24)
printf '%s\n' "$password" >"$dir/.pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/.pwfile"
# Password check over TCP (as in production: the JDBC driver does SCRAM); the Unix socket in $dir is trusted.
if ! as_postgres "$pg_bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/.pwfile" \
	--auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	exit 1
fi
rm -f "$dir/.pwfile"

for attempt in 1 2 3; do
	port=$(ci_free_port)
	started=yes
	if as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
		"-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null; then
		break
	fi
	started=no
	ci_log "start-postgres: attempt $attempt on port $port failed:"
	tail -n 5 "$dir/server.log" >&2 || true
	[ "$attempt" -eq 3 ] && exit 1
done

as_postgres "$pg_bin/psql" -X -q -h "$dir" -p "$port" -U "$user" -d postgres -c "create database featurecreep owner $user" >&2
started=ready
ci_log "start-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"

cat <<EOT
export FC_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/featurecreep'
export FC_TEST_POSTGRES_USER='$user'
export FC_TEST_POSTGRES_PASSWORD='$password'
export FC_TEST_POSTGRES_DIR='$dir'
EOT
