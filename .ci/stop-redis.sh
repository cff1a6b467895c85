#!/usr/bin/env bash
# Stops a server started by start-redis.sh and deletes its folder.
#   .ci/stop-redis.sh [FOLDER]           # FOLDER defaults to $FC_TEST_REDIS_DIR
set -euo pipefail
dir=${1:-${FC_TEST_REDIS_DIR:-}}
if [ -z "$dir" ] || [ ! -f "$dir/.fc-test-redis" ]; then
	echo "stop-redis: '$dir' is not a folder made by start-redis.sh; nothing done." >&2
	exit 1
fi
if [ -f "$dir/redis.pid" ]; then
	pid=$(cat "$dir/redis.pid")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	kill -9 "$pid" 2>/dev/null || true
fi
rm -rf "$dir"
echo "stop-redis: stopped, $dir deleted" >&2
