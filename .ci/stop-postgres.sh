#!/usr/bin/env bash
# Stops a server started by start-postgres.sh and deletes its folder.
#   .ci/stop-postgres.sh [FOLDER]        # FOLDER defaults to $FC_TEST_POSTGRES_DIR
set -euo pipefail
dir=${1:-${FC_TEST_POSTGRES_DIR:-}}
if [ -z "$dir" ] || [ ! -f "$dir/.fc-test-postgres" ]; then
	echo "stop-postgres: '$dir' is not a folder made by start-postgres.sh; nothing done." >&2
	exit 1
fi
if [ -f "$dir/data/postmaster.pid" ]; then
	pg_bin="/usr/lib/postgresql/$(cat "$dir/data/PG_VERSION")/bin"
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
	else
		"$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
	fi
fi
rm -rf "$dir"
echo "stop-postgres: stopped, $dir deleted" >&2
