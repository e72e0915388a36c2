#!/usr/bin/env bash
# Relay load benchmark: the chatwire server, the naive Java relay and the C recvmmsg/sendmmsg
# relay, side by side on this machine, each with the default scenario (500 rooms x 10 members,
# 2 msgs/s per member = 10,000 msgs/s in, 90,000 datagrams/s out) and a sweep for the lossless
# knee (highest rate with >= 99.9 % delivery). Prints markdown rows for docs/BENCHMARKS.md.
#
# Usage: benchmarks/relay-bench.sh [--quick] [--only chatwire,naive,crelay]
# Environment:
#   TCP_PORT / UDP_PORT   ports for the relays (default 19101 / 19102; must be free)
#   SERVER_ARGS           extra chatwire server flags, e.g. "--relay-threads 2"
#   RELAY_JAVA_OPTS       JVM flags for both Java relays (default: fixed 256 MiB heap, pre-touched)
#   GEN_JAVA_OPTS         JVM flags for the load generator
#   GEN_ARGS              extra load generator flags for every run (appended, so they override)
#   SWEEP_ARGS            extra flags for the sweeps only, e.g. "--observe-every 4": on 2 cores
#                         the generator's receiving costs about as much as the relay's sending, so
#                         counting every 4th room finds the relay's knee rather than the
#                         generator's (the unread members' sockets still get every datagram)
#   JAVA                  java binary (default: java on PATH)
#   RELAY_JAVA            java binary for the two Java relays (default: $JAVA); a Java 22+ one lets
#                         the server use batched I/O, e.g. RELAY_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   RELAY_CPUS / GEN_CPUS CPU lists for taskset, e.g. RELAY_CPUS=0 GEN_CPUS=1: the relay and the
#                         generator then never take each other's core (default: unpinned)
#   LABEL                 label suffix for the chatwire rows (default: the SERVER_ARGS)
#   SERVER_JAR            the server jar (default: server/target/chatwire-server.jar), e.g. a copy
#                         of an earlier build to compare against
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/benchmarks"
OUT="$BENCH/target/relay-bench"
JAVA="${JAVA:-java}"
RELAY_JAVA="${RELAY_JAVA:-$JAVA}"
RELAY_CPUS="${RELAY_CPUS:-}"
GEN_CPUS="${GEN_CPUS:-}"
TCP_PORT="${TCP_PORT:-19101}"
UDP_PORT="${UDP_PORT:-19102}"
SERVER_ARGS="${SERVER_ARGS:-}"
RELAY_JAVA_OPTS="${RELAY_JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}"
GEN_JAVA_OPTS="${GEN_JAVA_OPTS:--Xms256m -Xmx768m}"
GEN_ARGS="${GEN_ARGS:-}"
SWEEP_ARGS="${SWEEP_ARGS:-}"
SERVER_JAR="${SERVER_JAR:-$ROOT/server/target/chatwire-server.jar}"
BENCH_JAR="$BENCH/target/benchmarks.jar"
CRELAY="$OUT/crelay"
ONLY="chatwire,naive,crelay"
QUICK=0

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  SCENARIO=(--warmup 1 --duration 3)
  SWEEP=(--sweep --sweep-from 10000 --sweep-factor 2 --sweep-max 80000 --sweep-warmup 1 --sweep-step 2 --refine 0)
else
  SCENARIO=(--warmup 5 --duration 30)
  SWEEP=(--sweep --sweep-from 10000 --sweep-factor 1.25 --sweep-max 400000 --sweep-warmup 2 --sweep-step 10 --refine 2)
fi

mkdir -p "$OUT"
RELAY_PID=""

stop_relay() {
  if [ -n "$RELAY_PID" ] && kill -0 "$RELAY_PID" 2>/dev/null; then
    kill -TERM "$RELAY_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$RELAY_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$RELAY_PID" 2>/dev/null || true
    wait "$RELAY_PID" 2>/dev/null || true
  fi
  RELAY_PID=""
}
trap stop_relay EXIT INT TERM

port_in_use() { # proto port
  local flag=-lnt
  [ "$1" = udp ] && flag=-lnu
  if command -v ss >/dev/null 2>&1; then
    ss -H "$flag" "sport = :$2" 2>/dev/null | grep -q .
  else
    local hex
    hex=$(printf ':%04X ' "$2")
    grep -q "$hex" "/proc/net/$1" 2>/dev/null
  fi
}

for p in "tcp $TCP_PORT" "udp $UDP_PORT"; do
  # shellcheck disable=SC2086
  if port_in_use $p; then
    echo "port ${p#* } ($p) is in use; pick others with TCP_PORT=... UDP_PORT=..." >&2
    exit 1
  fi
done

# Build what is missing (or a benchmarks jar without the load generator).
NEED_SERVER=0
case ",$ONLY," in *,chatwire,*) NEED_SERVER=1 ;; esac
if { [ "$NEED_SERVER" = 1 ] && [ ! -f "$SERVER_JAR" ]; } || [ ! -f "$BENCH_JAR" ] \
    || { command -v unzip >/dev/null 2>&1 \
      && ! unzip -l "$BENCH_JAR" 2>/dev/null | grep 'io/chatwire/bench/LoadGenerator.class' >/dev/null; }; then
  echo "building jars (mvn -B -q package -DskipTests)..." >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
if [ ! -x "$CRELAY" ] || [ "$BENCH/src/main/c/crelay.c" -nt "$CRELAY" ]; then
  gcc -O2 -o "$CRELAY" "$BENCH/src/main/c/crelay.c"
fi

# taskset prefixes (taskset execs its command, so $! stays the relay's own pid)
PIN_RELAY=()
PIN_GEN=()
[ -n "$RELAY_CPUS" ] && PIN_RELAY=(taskset -c "$RELAY_CPUS")
[ -n "$GEN_CPUS" ] && PIN_GEN=(taskset -c "$GEN_CPUS")

start_relay() { # name command...
  local name="$1"; shift
  local log="$OUT/$name.log"
  "${PIN_RELAY[@]}" "$@" >"$log" 2>&1 &
  RELAY_PID=$!
  for _ in $(seq 1 300); do
    if grep -q 'listening' "$log" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$RELAY_PID" 2>/dev/null; then
      echo "$name exited before listening:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$name did not start listening within 30 s" >&2
  exit 1
}

generator() { # label args...
  local label="$1"; shift
  # shellcheck disable=SC2086
  "${PIN_GEN[@]}" timeout 1800 "$JAVA" $GEN_JAVA_OPTS -cp "$BENCH_JAR" io.chatwire.bench.LoadGenerator \
    --label "$label" --relay-pid "$RELAY_PID" "$@" $GEN_ARGS 2>>"$OUT/generator.log"
}

ROWS="$OUT/scenario.md"
SWEEPS="$OUT/sweep.md"
: >"$ROWS"
: >"$SWEEPS"
: >"$OUT/generator.log"

bench() { # label setup-args...
  local label="$1"; shift
  echo "== $label: default scenario" >&2
  generator "$label" "$@" "${SCENARIO[@]}" --no-header | tee -a "$ROWS"
  echo "== $label: sweep" >&2
  # shellcheck disable=SC2086
  generator "$label" "$@" "${SWEEP[@]}" $SWEEP_ARGS --no-header | tee -a "$SWEEPS"
}

for relay in ${ONLY//,/ }; do
  case "$relay" in
    chatwire)
      # --max-rate 0: the sweeps send more than 20 msgs/s per member; this measures the relay.
      # shellcheck disable=SC2086
      start_relay chatwire "$RELAY_JAVA" $RELAY_JAVA_OPTS -jar "$SERVER_JAR" --host 127.0.0.1 --max-rate 0 \
        --tcp-port "$TCP_PORT" --udp-port "$UDP_PORT" $SERVER_ARGS
      label="${LABEL:-$SERVER_ARGS}"
      bench "chatwire${label:+ $label}" --setup tcrp --tcp-port "$TCP_PORT"
      stop_relay
      ;;
    naive|crelay)
      members="$OUT/members-$relay.txt"
      "$JAVA" -cp "$BENCH_JAR" io.chatwire.bench.LoadGenerator --setup "file:$members" \
        --prepare-only 2>>"$OUT/generator.log"
      if [ "$relay" = naive ]; then
        # shellcheck disable=SC2086
        start_relay naive "$RELAY_JAVA" $RELAY_JAVA_OPTS -cp "$BENCH_JAR" io.chatwire.bench.NaiveRelay \
          --host 127.0.0.1 --port "$UDP_PORT" --members "$members"
      else
        start_relay crelay "$CRELAY" --host 127.0.0.1 --port "$UDP_PORT" --members "$members"
      fi
      bench "$relay" --setup "file:$members" --udp-port "$UDP_PORT"
      stop_relay
      ;;
    *) echo "unknown relay: $relay" >&2; exit 2 ;;
  esac
done

echo
echo "Relay load, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, relays on $("$RELAY_JAVA" -version 2>&1 | head -1), generator on $("$JAVA" -version 2>&1 | head -1)"
echo "Relay JVM: ${RELAY_JAVA_OPTS}; generator JVM: ${GEN_JAVA_OPTS}; generator flags: ${GEN_ARGS:-none}; sweep flags: ${SWEEP_ARGS:-none}"
echo "CPUs: relay ${RELAY_CPUS:-any}, generator ${GEN_CPUS:-any}"
echo
echo "Default scenario:"
echo
HEADER="$("$JAVA" -cp "$BENCH_JAR" io.chatwire.bench.LoadGenerator --print-header)"
echo "$HEADER"
cat "$ROWS"
echo
echo "Sweep:"
echo
echo "$HEADER"
cat "$SWEEPS"
echo
echo "logs: $OUT"
