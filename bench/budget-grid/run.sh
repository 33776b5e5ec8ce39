#!/usr/bin/env bash
# Budget grid benchmark (docs/benchmarks.md, "Budget grid"): a budget year with 2,000 lines and 1,000,000 actual
# rows; measures GET …/budgets/{year}/lines (the grid), GET …/budgets/{year} (the variance summary) and the grid page
# /o/{slug}/budgets/{year} (signed in as a browser) on H2 and on PostgreSQL, client-side over loopback and server-side
# from /actuator/prometheus.
#
#   bench/budget-grid/run.sh                 # both databases
#   BENCH_DBS=h2 bench/budget-grid/run.sh    # only H2
#
# Settings (environment): BENCH_LINES (2000), BENCH_ROWS_PER_LINE (500), BENCH_YEAR (this year), BENCH_WARMUP (50),
# BENCH_REQUESTS (200), BENCH_PORT (the first free one from 18180), BENCH_JAVA_OPTS (-Xmx2g), BENCH_BUILD (1: package the jar first),
# BENCH_PG_URL (jdbc:postgresql://127.0.0.1:5432/opencio_budget_bench), BENCH_PG_USER / BENCH_PG_PASSWORD (opencio),
# BENCH_REUSE (0; 1 measures the data of the previous run again, without seeding), BENCH_JAR (the packaged jar;
# another build to compare, with BENCH_BUILD=0), BENCH_LABEL (added to the names of the result files), BENCH_TARGETS
# (grid,summary,page; page:QUERY is the page with a query string, e.g. page:size=500).
# On PostgreSQL the script drops and recreates the schema bench_budget_grid in that database and touches nothing else.
# Results and logs go to bench/results/budget-grid/ (not committed).
set -euo pipefail

cd "$(dirname "$0")/../.."
readonly OUT=$PWD/bench/results/budget-grid
readonly JAR=${BENCH_JAR:-target/opencio-0.1.0-SNAPSHOT.jar}
readonly LINES=${BENCH_LINES:-2000}
readonly ROWS_PER_LINE=${BENCH_ROWS_PER_LINE:-500}
readonly YEAR=${BENCH_YEAR:-$(date +%Y)}
readonly WARMUP=${BENCH_WARMUP:-50}
readonly REQUESTS=${BENCH_REQUESTS:-200}

port_in_use() {
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
# The first free port from 18180 on, unless one is given: other benchmarks may run on this machine meanwhile.
PORT=${BENCH_PORT:-18180}
if [[ -z ${BENCH_PORT:-} ]]; then
    while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
fi
readonly PORT
readonly BASE_URL=http://127.0.0.1:$PORT
readonly JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
readonly PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/opencio_budget_bench}
readonly PG_USER=${BENCH_PG_USER:-opencio}
readonly PG_PASSWORD=${BENCH_PG_PASSWORD:-opencio}
readonly PG_SCHEMA=bench_budget_grid
readonly SLUG=bench
# 1: measure the data seeded by an earlier run again (e.g. before and after a change), without seeding.
readonly REUSE=${BENCH_REUSE:-0}
readonly TOKEN=bench-api-token-0123456789
readonly ADMIN_EMAIL=bench@example.test
readonly ADMIN_PASSWORD=bench-password-1
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

app_pid=""
stop_app() {
    if [[ -n "$app_pid" ]]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=""
    fi
}
trap stop_app EXIT

# Starts the packaged application on the database given by the environment; the first start bootstraps an
# administrator (platform admin, so the token may read /actuator/prometheus), the organization and the API token.
start_app() {
    local log=$1
    if port_in_use "$PORT"; then
        echo "port $PORT is in use; set BENCH_PORT to a free one" >&2
        exit 1
    fi
    OPENCIO_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL \
    OPENCIO_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    OPENCIO_BOOTSTRAP_ORG_NAME="Benchmark Org" \
    OPENCIO_BOOTSTRAP_ORG_SLUG=$SLUG \
    OPENCIO_BOOTSTRAP_API_TOKEN=$TOKEN \
    "$JAVA" $JAVA_OPTS -jar "$JAR" \
        --server.port="$PORT" \
        --management.metrics.distribution.percentiles-histogram.http.server.requests=true \
        --management.metrics.distribution.slo.http.server.requests=5ms,10ms,15ms,20ms,25ms,30ms,40ms,50ms,60ms,70ms,80ms,90ms,100ms,125ms,150ms,175ms,200ms,250ms,300ms,400ms,500ms \
        >"$log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$log"; echo "the application did not start" >&2; exit 1; }
        # Ours, not another application that took the port meanwhile.
        if grep -q "Started OpenCioApplication" "$log" && curl -sf "$BASE_URL/actuator/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    echo "the application did not answer within two minutes" >&2
    exit 1
}

bench() {
    "$JAVA" -cp "$OUT/lib/*" bench/budget-grid/GridBench.java "$@"
}

if [[ ${BENCH_BUILD:-1} == 1 || ! -f $JAR ]]; then
    echo "==> Packaging $JAR"
    ./mvnw -B -q -DskipTests package
fi
mkdir -p "$OUT/lib"
rm -f "$OUT"/lib/*.jar
# The JDBC drivers the application itself ships, for seeding the actual rows.
unzip -o -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d "$OUT/lib"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GB"
    echo "load average before the run: $(cut -d" " -f1-3 /proc/loadavg)"
    echo "java: $("$JAVA" -version 2>&1 | head -n 1), $JAVA_OPTS"
    echo "lines: $LINES, actual rows: $((LINES * ROWS_PER_LINE)), year: $YEAR, warm-up: $WARMUP, requests: $REQUESTS"
} | tee "$OUT/machine.txt"

for db in ${BENCH_DBS:-h2 postgresql}; do
    echo
    echo "==> $db"
    case $db in
        h2)
            [[ $REUSE == 1 ]] || rm -rf "$OUT/h2-data"
            export OPENCIO_DATA_DIR=$OUT/h2-data
            unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
            seed_url="jdbc:h2:file:$OUT/h2-data/opencio;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            seed_user=sa
            seed_password=""
            ;;
        postgresql)
            if [[ $REUSE != 1 ]]; then
                bench sql "$PG_URL" "$PG_USER" "$PG_PASSWORD" "drop schema if exists $PG_SCHEMA cascade" "create schema $PG_SCHEMA"
            fi
            export SPRING_DATASOURCE_URL="$PG_URL?currentSchema=$PG_SCHEMA"
            export SPRING_DATASOURCE_USERNAME=$PG_USER SPRING_DATASOURCE_PASSWORD=$PG_PASSWORD
            seed_url=$SPRING_DATASOURCE_URL
            seed_user=$PG_USER
            seed_password=$PG_PASSWORD
            ;;
        *)
            echo "unknown database $db (h2 or postgresql)" >&2
            exit 2
            ;;
    esac
    if [[ $REUSE != 1 ]]; then
        start_app "$OUT/$db-app-seeding.log"
        bench seed-lines "$BASE_URL" "$SLUG" "$TOKEN" "$YEAR" "$LINES"
        # The embedded H2 file is the application's alone while it runs; seed the actual rows while it is stopped,
        # and restart PostgreSQL's application too so that both measurements start from the same point.
        stop_app
        bench seed-actuals "$seed_url" "$seed_user" "$seed_password" "$YEAR" "$ROWS_PER_LINE"
    fi
    start_app "$OUT/$db-app-measuring.log"
    bench measure "$BASE_URL" "$SLUG" "$TOKEN" "$YEAR" "$WARMUP" "$REQUESTS" "$OUT/$db${BENCH_LABEL:+-$BENCH_LABEL}.txt" "$app_pid" \
        "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
    stop_app
done
echo
echo "Results in $OUT"
