#!/usr/bin/env bash
# Trains the JVM's AOT cache (JEP 483/514/515, Java 25 and later) for an extracted Feature Creep jar.
#
#   deploy/train-aot-cache.sh <extracted jar> <cache file>
#   java -XX:AOTCache=<cache file> -jar <extracted jar>
#
# The extracted jar comes from `java -Djarmode=tools -jar feature-creep-<version>.jar extract`: the AOT cache
# works only with that form (a jar whose libraries sit beside it), not with the executable jar itself.
#
# The training run starts the application once on a throwaway embedded database in a temporary directory,
# waits until it is ready, sends it the requests a fresh node answers first (probes, the sign-in page, a
# GraphQL query), stops it with SIGTERM, and the JVM writes the cache as it exits. Training past start-up
# matters: the cache then also holds the classes and method profiles of Tomcat's request handling, the
# security filters, Thymeleaf and GraphQL, which a start that exits on refresh never loads.
#
# The cache is valid only for the same JVM (same build of the same release), the same jar files (paths,
# sizes, modification times) and compatible JVM options. Run this script with the `java` that will run the
# application (JAVA=/path/to/java to choose), and give the jar's path exactly as the start command will.
# With a different JVM, the application still starts, without the cache, after a warning.
#
# Training runs with Spring AOT (-Dspring.aot.enabled=true), as deploy/Dockerfile starts the application: the cache
# then holds the classes that start loads (the generated bean definitions instead of configuration-class parsing).
# SPRING_AOT=false trains for a start without Spring AOT.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 <extracted jar> <cache file>" >&2
	exit 2
fi
jar=$1
cache=$2
java=${JAVA:-java}
spring_aot=()
if [ "${SPRING_AOT:-true}" = true ]; then
	spring_aot=(-Dspring.aot.enabled=true)
fi
[ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 2; }
release=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${release%%.*}" -lt 25 ] 2>/dev/null || [ -z "$release" ]; then
	echo "the AOT cache needs Java 25 or newer; $java is Java ${release:-?} (JAVA=/path/to/java chooses another)" >&2
	exit 2
fi
case "$jar" in
	/*) ;;
	*) echo "give the jar as an absolute path, as the start command does: $jar" >&2; exit 2 ;;
esac
# the training run works in a directory of its own: a relative cache path means one from here
case "$cache" in
	/*) ;;
	*) cache="$PWD/$cache" ;;
esac

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "AOT cache training failed: $*" >&2
	tail -n 40 "$work/training.log" >&2 || true
	exit 1
}

# The training run's database, anonymity key file and Tomcat files stay in $work, which is removed at the
# end: nothing of the run, least of all a key, ends up beside the cache (or in an image layer). Port 0: any
# free port, read back from the log, so that training never collides with a running node.
cd "$work"
# made here, not by the background job's redirection, which may come after the first read below
: >"$work/training.log"
"$java" -XX:AOTCacheOutput="$cache" "${spring_aot[@]}" -jar "$jar" --server.port=0 >>"$work/training.log" 2>&1 &
pid=$!

port=
for _ in $(seq 1 600); do
	kill -0 "$pid" 2>/dev/null || fail "the application stopped during start-up"
	port=$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$work/training.log" | head -n 1)
	[ -n "$port" ] && break
	sleep 0.5
done
[ -n "$port" ] || fail "no HTTP port after 300 s"

# One HTTP/1.1 request over bash's /dev/tcp (the JRE image has neither curl nor wget); prints the status code.
request() {
	local method=$1 path=$2 body=${3:-} status
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	printf '%s %s HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
		"$method" "$path" "${#body}" "$body" >&3
	status=$(head -n 1 <&3 | cut -d ' ' -f 2)
	cat <&3 >/dev/null
	exec 3<&-
	echo "$status"
}

# actuator answers on a port of its own when MANAGEMENT_SERVER_PORT is set (Spring AOT needs it set at build and here)
app_port=$port
probe() {
	local status
	port=${MANAGEMENT_SERVER_PORT:-$app_port}
	status=$(request "$@")
	port=$app_port
	echo "$status"
}

ready=
for _ in $(seq 1 600); do
	if [ "$(probe GET /actuator/health/readiness 2>/dev/null)" = 200 ]; then
		ready=yes
		break
	fi
	kill -0 "$pid" 2>/dev/null || fail "the application stopped before it was ready"
	sleep 0.5
done
[ -n "$ready" ] || fail "not ready after 300 s"

# What a fresh node answers first: probes and the load balancer's health check, the pages a visitor opens
# before signing in (with their style sheet and script), and API clients' queries. A few rounds, so that the
# hottest methods reach the profiles that the cache keeps (JEP 515).
for _ in 1 2 3 4 5; do
	for path in /actuator/health /actuator/health/liveness /actuator/health/readiness; do
		probe GET "$path" >/dev/null
	done
	for path in / /signin /signup /css/app.css /js/app.js /graphiql /no-such-page; do
		request GET "$path" >/dev/null
	done
	request POST /graphql '{"query":"{ __typename }"}' >/dev/null
	request POST /graphql '{"query":"query { __schema { queryType { name } } }"}' >/dev/null
done

kill -TERM "$pid"
wait "$pid" || true
pid=
grep -q 'AOTCache creation is complete' "$work/training.log" || fail "the JVM wrote no AOT cache"
[ -s "$cache" ] || fail "no cache file at $cache"
echo "AOT cache written to $cache ($(du -h "$cache" | cut -f 1)) by $("$java" -version 2>&1 | head -n 1)"
