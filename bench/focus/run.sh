#!/usr/bin/env bash
# FOCUS import benchmark: starts the packaged application with a small heap on H2 (embedded file database) and on
# PostgreSQL, uploads a generated FOCUS 1.2 file of ROWS rows, polls the import to the end, then imports the same file
# again (every row a duplicate). Prints rows per second and the JVM heap while the import ran.
#
#   bench/focus/run.sh [ROWS] [h2|postgresql|both]      defaults: 1000000 both
#   BENCH_HEAP=128m, BENCH_PORT=…, BENCH_ARGS='--opencio.cost-imports.batch-size=5000' change the server's settings,
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/import.jfr' its JVM's.
#
# Needs a JDK 21+ (JAVA_HOME), curl, python3; for PostgreSQL a local server where `runuser -u postgres psql` works
# (the script creates and drops the database opencio_bench). Results go to bench/results/ (not committed).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
WHICH=${2:-both}
HEAP=${BENCH_HEAP:-256m}
PORT=${BENCH_PORT:-18437}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
WORK=$(mktemp -d /tmp/opencio-bench.XXXXXX)
RESULTS=bench/results
FILE=$RESULTS/focus-$ROWS.csv
TOKEN=ocio_bench-token-0123456789abcdef
BASE=http://127.0.0.1:$PORT
API=$BASE/api/v1/orgs/bench
mkdir -p "$RESULTS"

if [[ ! -f target/opencio-0.1.0-SNAPSHOT.jar ]]; then
    ./mvnw -B -q -DskipTests package
fi
if [[ ! -f $FILE ]]; then
    "$JAVA" bench/focus/GenerateFocus.java "$ROWS" "$FILE"
fi
FILE_BYTES=$(stat -c %s "$FILE")

server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

api() { curl -sS -H "Authorization: Bearer $TOKEN" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$server_pid/stat"
}

heap_used_mb() {
    # "garbage-first heap   total 262144K, used 123456K" → 120
    "$JCMD" "$server_pid" GC.heap_info 2>/dev/null | awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }'
}

start_server() {
    local db=$1
    if curl -s -o /dev/null "$BASE/actuator/health"; then
        echo "port $PORT is taken by another server; set BENCH_PORT" >&2
        exit 1
    fi
    local args=(-Xmx"$HEAP" -Xms"$HEAP" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -jar target/opencio-0.1.0-SNAPSHOT.jar --server.port="$PORT"
        --opencio.data-dir="$WORK/data" --opencio.cost-imports.staging-dir="$WORK/staging" --logging.level.root=warn ${BENCH_ARGS:-})
    if [[ $db == postgresql ]]; then
        runuser -u postgres -- psql -X -q -c "drop database if exists opencio_bench with (force)" -c "create database opencio_bench owner opencio" >/dev/null
        args+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/opencio_bench" --spring.datasource.username=opencio
            --spring.datasource.password=opencio)
    fi
    OPENCIO_BOOTSTRAP_ADMIN_EMAIL=bench@example.com OPENCIO_BOOTSTRAP_ADMIN_PASSWORD='bench password for the import' \
        OPENCIO_BOOTSTRAP_ORG_NAME='Bench Corp' OPENCIO_BOOTSTRAP_ORG_SLUG=bench OPENCIO_BOOTSTRAP_CURRENCY=USD \
        OPENCIO_BOOTSTRAP_TIME_ZONE=UTC OPENCIO_BOOTSTRAP_API_TOKEN=$TOKEN \
        "$JAVA" "${args[@]}" >"$WORK/server-$db.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then
            return
        fi
        sleep 1
    done
    cat "$WORK/server-$db.log"
    echo "the server did not start" >&2
    exit 1
}

prepare_budget() {
    api -X POST -H 'Content-Type: application/json' -d '{"fiscalYear":2026}' "$API/budgets" >/dev/null
    for code in AWS AZURE GCP PAYMENTS DATA; do
        api -X POST -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"description\":\"$code\",\"amount\":1000000}" \
            "$API/budgets/2026/lines" >/dev/null
    done
    for rule in '{"provider":"AWS","lineCode":"AWS"}' '{"provider":"Microsoft","lineCode":"AZURE"}' \
        '{"provider":"AWS","tagKey":"team","tagValue":"payments","lineCode":"PAYMENTS"}' \
        '{"subAccount":"data-platform","lineCode":"DATA"}'; do
        api -X POST -H 'Content-Type: application/json' -d "$rule" "$API/cost-mapping-rules" >/dev/null
    done
}

# Uploads the file, polls the job five times a second while sampling the heap every second; prints one result line.
# The job's finishedAt is stamped just before its transaction commits, so the time until a poll sees it DONE (which
# includes the commit) is reported too, and the rows/s figure is taken from it.
import_once() {
    local db=$1 label=$2
    local t0 t1 t2 job id status max_heap=0 heap cpu0 cpu1 live next_heap=0 now
    cpu0=$(cpu_seconds)
    t0=$(date +%s.%N)
    job=$(api -F "file=@$FILE;type=text/csv" -F format=FOCUS -F fiscalYear=2026 "$API/cost-imports")
    t1=$(date +%s.%N)
    id=$(echo "$job" | json 'd["id"]') || { echo "upload refused: $job" >&2; exit 1; }
    while true; do
        job=$(api "$API/cost-imports/$id")
        status=$(echo "$job" | json 'd["status"]')
        [[ $status == DONE || $status == FAILED ]] && break
        now=$(date +%s)
        if (( now >= next_heap )); then
            heap=$(heap_used_mb || echo 0)
            if [[ -n "$heap" && "$heap" -gt "$max_heap" ]]; then
                max_heap=$heap
            fi
            next_heap=$((now + 1))
        fi
        sleep 0.2
    done
    t2=$(date +%s.%N)
    cpu1=$(cpu_seconds)
    # What stays alive after the import: a full collection, then the heap in use.
    "$JCMD" "$server_pid" GC.run >/dev/null 2>&1 || true
    live=$(heap_used_mb || echo "?")
    echo "$job" >"$RESULTS/job-$db-$label.json"
    python3 - "$db" "$label" "$t0" "$t1" "$t2" "$max_heap" "$HEAP" "$FILE_BYTES" "$cpu0" "$cpu1" "$live" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
from datetime import datetime
db, label, t0, t1, t2, heap, xmx, size, cpu0, cpu1, live, load = sys.argv[1:]
job = json.load(open(f"bench/results/job-{db}-{label}.json"))
def ts(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
work = ts(job["finishedAt"]) - ts(job["startedAt"])
committed = float(t2) - ts(job["startedAt"])
upload = float(t1) - float(t0)
total = float(t2) - float(t0)
rows = job["rowsRead"]
print(f"{db:10} {label:9} status={job['status']:6} rows={rows:,} imported={job['rowsImported']:,} "
      f"duplicates={job['rowsDuplicate']:,} rejected={job['rowsRejected']:,} | upload {upload:5.1f} s, "
      f"import until committed {committed:5.1f} s = {rows / committed:,.0f} rows/s (job time to finishedAt {work:5.1f} s), "
      f"end to end {total:5.1f} s = {rows / total:,.0f} rows/s | "
      f"heap max {heap} MB (live after GC {live} MB) of -Xmx{xmx} | JVM CPU {float(cpu1) - float(cpu0):.0f} s | load {load} | "
      f"file {int(size) / 1e6:,.0f} MB | billed {job['billedTotal']} unallocated {job['unallocatedTotal']}")
PY
}

run_db() {
    local db=$1
    start_server "$db"
    prepare_budget
    import_once "$db" first
    import_once "$db" repeat
    "$JCMD" "$server_pid" GC.heap_info >"$RESULTS/heap-$db.txt" 2>&1 || true
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $("$JAVA" -version 2>&1 | head -1)"
case $WHICH in
    h2) run_db h2 ;;
    postgresql) run_db postgresql ;;
    both) run_db h2; run_db postgresql ;;
    *) echo "usage: $0 [ROWS] [h2|postgresql|both]" >&2; exit 2 ;;
esac
