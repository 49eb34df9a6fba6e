#!/usr/bin/env bash
# Runs HealthGrid's whole test suite: domain, grains, API + SignalR, PostgreSQL and fault tests.
# Installs Debian's postgresql and rabbitmq-server (the tests start and stop their own private servers
# on free loopback ports) and chromium (browser tests) with apt-get when missing. Ends with "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
command -v chromium > /dev/null || missing+=(chromium)
compgen -G "/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server" > /dev/null || missing+=(rabbitmq-server)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} with apt-get..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

results="$PWD/TestResults"
rm -rf "$results"
if ! dotnet build HealthGrid.sln -c Release --nologo -v quiet; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
dotnet test tests/HealthGrid.Tests/HealthGrid.Tests.csproj -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "The test run produced no results."
  echo "0 passed, 1 failed"
  exit 1
fi

counter() { grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*"; }
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$(( $(counter total) - $(counter executed) ))
summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
