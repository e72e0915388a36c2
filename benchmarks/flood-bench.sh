#!/usr/bin/env bash
# Flood benchmark (issue 16): one member flooding its own room of 10 while 49 normal rooms of 10 members
# chat at 2 msgs/s each (980 msgs/s in, 8,820 datagrams/s out); what the normal rooms get (delivery,
# p50/p99 latency) with no flooder, with the flooder and no flood control (--max-rate 0), and with
# the flooder and the default flood control (--max-rate 20/s --max-burst 40).
# Prints markdown rows for docs/BENCHMARKS.md and the flooder's own counts.
#
# Usage: benchmarks/flood-bench.sh
# Environment:
#   FLOOD_RATE            the flooder's msgs/s (default 20000)
#   DURATION / WARMUP     measured / warm-up seconds per case (default 20 / 5)
#   TCP_PORT / UDP_PORT   ports for the server (default 19201 / 19202; must be free)
#   JAVA                  java binary for the generator (default: java on PATH)
#   RELAY_JAVA            java binary for the server (default: $JAVA); a Java 22+ one uses batched I/O
#   SERVER_ARGS           extra server flags for every case, e.g. "--relay-threads 2"
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/benchmarks/target/flood-bench"
JAVA="${JAVA:-java}"
RELAY_JAVA="${RELAY_JAVA:-$JAVA}"
FLOOD_RATE="${FLOOD_RATE:-20000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
TCP_PORT="${TCP_PORT:-19201}"
UDP_PORT="${UDP_PORT:-19202}"
SERVER_ARGS="${SERVER_ARGS:-}"
SERVER_JAR="$ROOT/server/target/chatwire-server.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
for jar in "$SERVER_JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: mvn -B -q package -DskipTests first" >&2; exit 1; }
done

mkdir -p "$OUT"
: >"$OUT/generator.log"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT INT TERM

run_case() { # label flood-rate server-flags...
  local label="$1" flood="$2"; shift 2
  local log
  log="$OUT/server-$(printf '%s' "$label" | tr -c 'A-Za-z0-9' '_').log"
  # shellcheck disable=SC2086
  "$RELAY_JAVA" -Xms256m -Xmx256m -jar "$SERVER_JAR" --host 127.0.0.1 --tcp-port "$TCP_PORT" \
    --udp-port "$UDP_PORT" $SERVER_ARGS "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    grep -q '^listening' "$log" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  local flood_args=()
  [ "$flood" != 0 ] && flood_args=(--flood-rate "$flood")
  echo "== $label" >&2
  timeout 600 "$JAVA" -Xms256m -Xmx768m -cp "$BENCH_JAR" io.chatwire.bench.LoadGenerator \
    --label "$label" --relay-pid "$SERVER_PID" --tcp-port "$TCP_PORT" --rooms 49 --members 10 \
    --rate 2 --warmup "$WARMUP" --duration "$DURATION" --no-header "${flood_args[@]}" \
    2> >(tee -a "$OUT/generator.log" | grep -E '^flooder' >&2)
  grep -E 'over --max-rate|receive buffer' "$log" | head -3 >&2 || true
  stop_server
}

echo "Flood scenario, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "server on $("$RELAY_JAVA" -version 2>&1 | head -1), generator on $("$JAVA" -version 2>&1 | head -1)"
echo
"$JAVA" -cp "$BENCH_JAR" io.chatwire.bench.LoadGenerator --print-header
run_case "no flooder" 0
run_case "flooder ${FLOOD_RATE}/s, --max-rate 0 (off)" "$FLOOD_RATE" --max-rate 0
run_case "flooder ${FLOOD_RATE}/s, --max-rate 20/s (default)" "$FLOOD_RATE"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
