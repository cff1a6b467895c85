#!/usr/bin/env bash
# Starts a throwaway Redis server for the tests, on a random free port on 127.0.0.1, without
# persistence.
#
#   eval "$(.ci/start-redis.sh)"         # exports FC_TEST_REDIS_URL (redis://127.0.0.1:PORT), FC_TEST_REDIS_DIR
#   .ci/stop-redis.sh                    # stops the server and deletes its folder
#
# Only the export lines go to standard output. Needs Debian's redis-server package; .ci/run installs it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
	ci_log "start-redis: redis-server or redis-cli not found (install Debian's redis-server package)."
	exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/fc-test-redis.XXXXXX")
touch "$dir/.fc-test-redis"        # stop-redis.sh deletes only folders with this marker
trap '[ -n "${ready:-}" ] || { [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null; rm -rf "$dir"; }' EXIT

for attempt in 1 2 3; do
	port=$(ci_free_port)
	redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$dir" \
		--daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2
	for _ in $(seq 1 100); do
		if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
			ready=yes
			break 2
		fi
		sleep 0.05
	done
	ci_log "start-redis: attempt $attempt on port $port failed:"
	tail -n 5 "$dir/redis.log" >&2 || true
	[ "$attempt" -eq 3 ] && exit 1
done
ci_log "start-redis: Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$port, folder $dir"

cat <<EOT
export FC_TEST_REDIS_URL='redis://127.0.0.1:$port'
export FC_TEST_REDIS_DIR='$dir'
EOT
