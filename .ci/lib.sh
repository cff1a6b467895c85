# shellcheck shell=bash
# Shared helpers for the .ci scripts. Sourced, not run.

# Prints a free TCP port on 127.0.0.1 (random in 20000-39999). A port counts as free when nothing
# accepts a connection on it; the caller still retries on a bind failure, since another process can
# take the port in between.
ci_free_port() {
	local port
	for _ in $(seq 1 100); do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	echo "no free port found on 127.0.0.1" >&2
	return 1
}

# Prints N random hexadecimal characters.
ci_random_hex() {
	od -An -N"$(($1 / 2))" -tx1 /dev/urandom | tr -d ' \n'
}

ci_log() {
	printf '%s\n' "$*" >&2
}
