#!/usr/bin/env bash
# The HTTP benchmark: the sample app's article page with tracking (sample.tracking=true) and without
# (sample.tracking=false), under wrk (Debian package 'wrk'), in one run. Builds the sample app's jar, then, alternating
# the two modes, starts it on a loopback port, warms it up, measures and stops it; prints wrk's report of each run and
# the ratio of the mean requests per second.
#
#   trackable-benchmarks/wrk.sh [seconds per run, 15] [connections, 16] [runs per mode, 2]
#
# The app runs as it ships: embedded AMQP broker, in-memory H2 here. WRK_PORT (default 18080) sets the port.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-15}
connections=${2:-16}
runs=${3:-2}
port=${WRK_PORT:-18080}
url="http://127.0.0.1:$port/articles/hello-trackable"

./mvnw -B -q -pl trackable-sample-app -am package -DskipTests
jar=$(ls trackable-sample-app/target/trackable-sample-app-*.jar)
work=$(mktemp -d)
app=
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; rm -rf "$work"' EXIT

measure() { # tracking run
  java -jar "$jar" --server.port="$port" --sample.tracking="$1" --spring.datasource.url="jdbc:h2:mem:wrk" \
    --trackable.spool.directory="$work/spool" --logging.level.root=WARN >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 120); do
    curl -sf -o /dev/null "$url" && break
    sleep 0.5
  done
  curl -sf -o /dev/null "$url" || { cat "$work/app.log"; echo "the sample app did not start" >&2; exit 1; }
  wrk -t2 -c"$connections" -d5s "$url" >/dev/null
  echo "== tracking=$1, run $2: wrk -t2 -c$connections -d${seconds}s --latency $url"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" | tee "$work/wrk-$1-$2.txt"
  kill "$app"
  wait "$app" || true
  app=
}

for run in $(seq "$runs"); do
  measure false "$run"
  measure true "$run"
done

mean() { awk '/^Requests\/sec:/ { sum += $2; n++ } END { printf "%.0f", sum / n }' "$work"/wrk-"$1"-*.txt; }
untracked=$(mean false)
tracked=$(mean true)
echo "== requests/s: untracked $untracked, tracked $tracked, tracked/untracked $(awk "BEGIN { printf \"%.1f%%\", 100 * $tracked / $untracked }")"
