#!/usr/bin/env bash
# Runs the published benchmarks (docs/benchmarks.md): each one three times, each run against a
# freshly started silo, on this machine. Reports go to loadtest-reports/benchmarks-<time>/.
# Usage: loadtests/benchmarks.sh [name ...]   (default: all; names below)
# Needs: a Release build (dotnet build -c Release); for postgres-batch a PostgreSQL server reachable
# with $HEALTHGRID_BENCH_PG (an Npgsql connection string to an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
SILO="dotnet silo/bin/Release/net10.0/HealthGrid.Silo.dll"
GEN="dotnet loadtests/bin/Release/net10.0/HealthGrid.LoadTests.dll"
OUT="loadtest-reports/benchmarks-$(date +%Y%m%d-%H%M%S)"
RUNS="${RUNS:-3}"
mkdir -p "$OUT"

start_silo() {
  $SILO --urls http://127.0.0.1:5080 "$@" > "$OUT/silo.log" 2>&1 &
  SILO_PID=$!
  for _ in $(seq 1 60); do
    curl -sf http://127.0.0.1:5080/health/ready > /dev/null && return 0
    sleep 1
  done
  echo "the silo did not become ready" >&2
  return 1
}

stop_silo() {
  kill "$SILO_PID" 2> /dev/null || true
  wait "$SILO_PID" 2> /dev/null || true
}

run() { # name, silo args (one string), generator args...
  local name=$1 silo_args=$2
  shift 2
  for n in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    start_silo $silo_args
    echo "== $name run $n"
    $GEN "$@" --report "$OUT/$name-$n" --quiet > "$OUT/$name-$n.txt" 2>&1 || true
    grep -E "^\| (throughput|p50|p99) |Throughput is|^expected|e2e|FAIL" "$OUT/$name-$n.txt" || true
    stop_silo
  done
}

run_plain() { # name, silo args, generator args... (scenarios that print their own summary)
  local name=$1 silo_args=$2
  shift 2
  for n in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    start_silo $silo_args
    echo "== $name run $n"
    $GEN "$@" > "$OUT/$name-$n.txt" 2>&1 || true
    tail -8 "$OUT/$name-$n.txt"
    stop_silo
  done
}

names=("$@")
selected() { [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" $1 "* ]]; }

if selected single-ceiling; then
  run single-ceiling "--empty" ingest --model closed --concurrency 64 --seconds 20 --warmup-seconds 5 --baseline --threshold "baseline.ratio >= 50%"
fi
if selected single-half-rate; then
  run single-half-rate "--empty" ingest --rate "${HALF_RATE:-14000}" --seconds 20 --warmup-seconds 5 --threshold "p99 < 10ms" --threshold "errors == 0"
fi
if selected batch; then
  run batch "--empty" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds 5 --baseline --threshold "throughput >= 150000/s"
fi
if selected postgres-batch && [ -n "${HEALTHGRID_BENCH_PG:-}" ]; then
  $SILO migrate --postgres "$HEALTHGRID_BENCH_PG" > /dev/null
  run postgres-batch "--postgres $HEALTHGRID_BENCH_PG --HealthGrid:Auth:Development=true" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds 5 --customers 1000 --threshold "throughput >= 40000/s"
fi
if selected live-chat; then
  run live-chat "--empty" live-chat --rate 1000 --seconds 30 --warmup-seconds 10 --threshold "e2e.p99 < 10ms" --threshold "e2e.missing == 0" --threshold "e2e.duplicates == 0"
fi
if selected sla-storm; then
  run_plain sla-storm "--empty" sla-storm --cases 10000 --customers 5000
fi
if selected activation; then
  run_plain activation "--empty" activation --customers "${ACTIVATION_CUSTOMERS:-1000000}" --probes 500
fi
echo "Reports in $OUT"
