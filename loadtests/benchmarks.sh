#!/usr/bin/env bash
# Runs the published benchmarks (docs/benchmarks.md): each one three times, each run against a
# freshly started silo, on this machine. Reports go to loadtest-reports/benchmarks-<time>/.
# Usage: loadtests/benchmarks.sh [name ...]   (default: all: single-ceiling single-half-rate batch
#        postgres-batch live-chat sla-storm config-change notify activation continuity; also: redaction erasure retention rabbitmq)
# Needs: a Release build (dotnet build -c Release); for rabbitmq a broker at $HEALTHGRID_BENCH_AMQP
# (amqp://user:password@host:port/vhost); for postgres-batch, erasure and retention a PostgreSQL server reachable
# with $HEALTHGRID_BENCH_PG (an Npgsql connection string to an empty database; retention empties it for each run, and
# uses psql).
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

# The Npgsql connection string in $HEALTHGRID_BENCH_PG as a URI psql takes.
pg_url() {
  local host=127.0.0.1 port=5432 user=postgres db=postgres pass="" part
  IFS=';' read -ra parts <<< "$HEALTHGRID_BENCH_PG"
  for part in "${parts[@]}"; do
    case "${part,,}" in
      host=*) host=${part#*=} ;;
      port=*) port=${part#*=} ;;
      username=* | user=* | "user id"=*) user=${part#*=} ;;
      database=*) db=${part#*=} ;;
      password=*) pass=${part#*=} ;;
    esac
  done
  echo "postgresql://$user${pass:+:$pass}@$host:$port/$db"
}

# Moves every logged event back by an interval (received_at and its month's partition), as if received then.
age_log() { # psql URI, interval
  psql -q -v ON_ERROR_STOP=1 "$1" > /dev/null <<SQL
SELECT healthgrid_event_log_partition(m) FROM (SELECT DISTINCT date_trunc('month', (received_at - interval '$2') AT TIME ZONE 'UTC')::date AS m FROM healthgrid_event_log) months;
UPDATE healthgrid_event_log SET received_at = received_at - interval '$2', received_month = date_trunc('month', (received_at - interval '$2') AT TIME ZONE 'UTC')::date;
SQL
}

names=("$@")
selected() { [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" $1 "* ]]; }

# A fresh silo on two cores is still compiling its hot paths for its first ten to fifteen seconds
# (tiered JIT); every run warms up for 15 s so that the measurement sees the steady state.
WARMUP=15

# The median HealthGrid throughput (events/s) of a benchmark's runs, read from their reports.
median_throughput() {
  for n in $(seq 1 "$RUNS"); do
    grep -m1 '^| throughput |' "$OUT/$1-$n/report.md" | sed 's/.*\*\*\([0-9,.]*\) events\/s\*\* |$/\1/' | tr -d ','
  done | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}

if selected single-ceiling; then
  run single-ceiling "--empty" ingest --model closed --concurrency 64 --seconds 20 --warmup-seconds $WARMUP --baseline --threshold "baseline.ratio >= 50%"
fi
if selected single-half-rate; then
  # Half the ceiling measured above on this machine (or HALF_RATE when given).
  if [ -z "${HALF_RATE:-}" ] && [ -f "$OUT/single-ceiling-1/report.md" ]; then
    HALF_RATE=$(median_throughput single-ceiling | awk '{printf "%d", $1 / 2}')
  fi
  echo "== single-half-rate at ${HALF_RATE:=7000} events/s"
  run single-half-rate "--empty" ingest --rate "$HALF_RATE" --seconds 20 --warmup-seconds $WARMUP --threshold "p99 < 10ms" --threshold "errors == 0"
fi
if selected batch; then
  run batch "--empty" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds $WARMUP --baseline --threshold "throughput >= 150000/s"
fi
if selected redaction; then
  # Batch ingest with redaction at the door on (the default) and off, same machine, back to back.
  run batch-redaction-on "--empty" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds $WARMUP
  run batch-redaction-off "--empty --HealthGrid:Privacy:Redaction:Emails=false --HealthGrid:Privacy:Redaction:PhoneNumbers=false --HealthGrid:Privacy:Redaction:PaymentCards=false" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds $WARMUP
  echo "redaction on: $(median_throughput batch-redaction-on) events/s, off: $(median_throughput batch-redaction-off) events/s (medians)"
fi
if selected postgres-batch && [ -n "${HEALTHGRID_BENCH_PG:-}" ]; then
  $SILO migrate --postgres "$HEALTHGRID_BENCH_PG" > /dev/null
  run postgres-batch "--postgres $HEALTHGRID_BENCH_PG --HealthGrid:Auth:Development=true" batch --model closed --concurrency 16 --batch-size 100 --seconds 20 --warmup-seconds $WARMUP --customers 1000 --threshold "throughput >= 40000/s"
fi
if selected erasure && [ -n "${HEALTHGRID_BENCH_PG:-}" ]; then
  # Five customers with 10,000 events each (every kind, with texts), erased one after another.
  run_plain erasure "--postgres $HEALTHGRID_BENCH_PG --HealthGrid:Auth:Development=true" erasure --customers 5 --events 10000
fi
if selected retention && [ -n "${HEALTHGRID_BENCH_PG:-}" ]; then
  # 1,000 customers with 20 s of the peak mix at 3,000 events/s (about 60,000 events with texts), then the whole
  # log aged by SQL: 200 days back, the next silo's first retention pass expires every text; two years back, the
  # next one snapshots every customer and drops the month. Each pass logs how long it took (event 9301).
  psql_url=$(pg_url)
  for n in $(seq 1 "$RUNS"); do
    psql -q -v ON_ERROR_STOP=1 "$psql_url" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" > /dev/null
    $SILO migrate --postgres "$HEALTHGRID_BENCH_PG" > /dev/null
    start_silo --postgres "$HEALTHGRID_BENCH_PG" --HealthGrid:Auth:Development=true
    echo "== retention run $n"
    $GEN peak-mix --rate 3000 --seconds 20 --customers 1000 > "$OUT/retention-$n-load.txt" 2>&1 || true
    stop_silo
    for age in "200 days" "2 years"; do
      age_log "$psql_url" "$age"
      start_silo --postgres "$HEALTHGRID_BENCH_PG" --HealthGrid:Auth:Development=true
      for _ in $(seq 1 600); do grep -q "Retention let go" "$OUT/silo.log" && break; sleep 0.5; done
      echo "aged $age: $(grep -A1 'RetentionLoop\[9301\]' "$OUT/silo.log" | tail -1 | sed 's/^ *//')" | tee -a "$OUT/retention-$n.txt"
      stop_silo
    done
  done
fi
if selected rabbitmq && [ -n "${HEALTHGRID_BENCH_AMQP:-}" ]; then
  # HTTP batch ingest for 20 s, then a backlog of 100,000 messages drained, then 5,000 messages/s for 30 s,
  # each run in the same silo; in embedded mode and, with $HEALTHGRID_BENCH_PG, in PostgreSQL mode.
  run_plain rabbitmq "--empty" rabbitmq --amqp "$HEALTHGRID_BENCH_AMQP" --rate 5000 --seconds 30
  if [ -n "${HEALTHGRID_BENCH_PG:-}" ]; then
    $SILO migrate --postgres "$HEALTHGRID_BENCH_PG" > /dev/null
    run_plain rabbitmq-postgres "--postgres $HEALTHGRID_BENCH_PG --HealthGrid:Auth:Development=true" rabbitmq --amqp "$HEALTHGRID_BENCH_AMQP" --rate 5000 --seconds 30
  fi
fi
if selected live-chat; then
  run live-chat "--empty" live-chat --rate 1000 --seconds 30 --warmup-seconds $WARMUP --threshold "e2e.p99 < 10ms" --threshold "e2e.missing == 0" --threshold "e2e.duplicates == 0"
fi
if selected sla-storm; then
  run_plain sla-storm "--empty" sla-storm --cases 10000 --customers 5000
fi
if selected config-change; then
  run_plain config-change "--empty" config-change --customers 10000 --rounds 4
fi
if selected notify; then
  run_plain notify "--empty" notify --rate "${NOTIFY_RATE:-1000}" --seconds 20 --warmup-seconds $WARMUP --email-every 10
fi
if selected activation; then
  run_plain activation "--empty" activation --customers "${ACTIVATION_CUSTOMERS:-1000000}" --probes 500
fi
if selected continuity; then
  run_plain continuity "--empty" continuity --customers "${CONTINUITY_CUSTOMERS:-100000}" --max-seconds 5
fi
echo "Reports in $OUT"
