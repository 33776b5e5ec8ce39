#!/usr/bin/env bash
# OpenCIO benchmark: starts the packaged server on a fresh H2 or PostgreSQL database, measures start-up time and
# idle memory, seeds data through the API, drives HTTP load from a separate process and records the figures.
#
#   bench/run.sh [h2|postgresql] [--members N] [--duration S] [options]      (see --help; docs/benchmarks.md)
#
# Always stops the server it started. Results: a summary on stdout, one line per scenario appended to
# bench/results/<UTC date>.txt, and the server log and load output under bench/results/<run id>/.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [h2|postgresql] [options]

  --members N         members to seed (default 300; each costs one bcrypt hash on the server)
  --departments N     departments to seed (default 12)
  --duration S        measured seconds per scenario (default 30, max 300)
  --server-warmup S   seconds of unmeasured load, shared among the scenarios, before the first one is measured,
                      so the JIT compilers have done their work (default 60; a fresh server needs ~40 s)
  --warmup S          warm-up seconds per scenario, not measured (default 10)
  --connections N     concurrent connections (default 32)
  --max-requests N    stop a scenario after N measured requests (default: only the duration bounds it)
  --scenario NAME     run only this scenario of bench/scenarios.txt (repeatable; default: all, in file order)
  --idle S            seconds to stay idle after ready before reading idle RSS (default 10)
  --port P            server port (default 18080, or BENCH_PORT)
  --client MODE       load generator HttpClient: shared (default) or per-worker
  --executor MODE     load generator HttpClient executor: direct (default) or pool
  --wait-idle S       before start-up and before each scenario, wait up to S seconds for the machine to be
                      idle (under BENCH_IDLE_PERCENT, default 15, % busy over 5 s), so other work on a
                      shared machine does not land in the figures; runs anyway, with a warning, after S
  --retries N         repeat a scenario disturbed by other processes up to N times (default 0); every attempt
                      is recorded, the summary shows the last
  --no-restart        skip the second start on the existing database
  --rebuild           build the jar even if it exists
  --label TEXT        free text stored with the results (e.g. a branch name)

Environment: JAVA_HOME (JDK 21+), BENCH_JAVA_OPTS (extra JVM options for the server),
BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER/BENCH_PG_PASSWORD/BENCH_PG_DB (PostgreSQL, default
127.0.0.1:5432, opencio_bench/opencio_bench, database opencio_bench, dropped and re-created on every run).
EOF
}

cd "$(dirname "$0")/.."
ROOT=$(pwd)

DB=h2
MEMBERS=300
DEPARTMENTS=12
DURATION=30
WARMUP=10
SERVER_WARMUP=60
CONNECTIONS=32
MAX_REQUESTS=
IDLE=10
PORT=${BENCH_PORT:-18080}
CLIENT=shared
EXECUTOR=direct
RESTART=1
REBUILD=0
WAIT_IDLE=0
RETRIES=0
LABEL=
SCENARIOS=()

while [ $# -gt 0 ]; do
  case "$1" in
    h2|postgresql) DB=$1 ;;
    --members) MEMBERS=$2; shift ;;
    --departments) DEPARTMENTS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --server-warmup) SERVER_WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --max-requests) MAX_REQUESTS=$2; shift ;;
    --scenario) SCENARIOS+=("$2"); shift ;;
    --idle) IDLE=$2; shift ;;
    --port) PORT=$2; shift ;;
    --client) CLIENT=$2; shift ;;
    --executor) EXECUTOR=$2; shift ;;
    --wait-idle) WAIT_IDLE=$2; shift ;;
    --retries) RETRIES=$2; shift ;;
    --no-restart) RESTART=0 ;;
    --rebuild) REBUILD=1 ;;
    --label) LABEL=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

for n in MEMBERS DEPARTMENTS DURATION WARMUP SERVER_WARMUP CONNECTIONS IDLE PORT WAIT_IDLE RETRIES; do
  [[ ${!n} =~ ^[0-9]+$ ]] || { echo "run.sh: ${n,,} must be a number" >&2; exit 2; }
done
[ "$DURATION" -ge 1 ] && [ "$DURATION" -le 300 ] || { echo "run.sh: --duration must be 1..300" >&2; exit 2; }

if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
  JAVAC="$JAVA_HOME/bin/javac"
else
  JAVA=java
  JAVAC=javac
fi
JAVA_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')
JAVA_FEATURE=${JAVA_VERSION%%[.+-]*}
if [ "${JAVA_FEATURE:-0}" -lt 21 ]; then
  echo "run.sh: needs JDK 21 or newer, found '$JAVA_VERSION' ($JAVA); set JAVA_HOME" >&2
  exit 2
fi

if [ ${#SCENARIOS[@]} -eq 0 ]; then
  # purchases-* need the data of bench/purchases/run.sh, which runs them
  mapfile -t SCENARIOS < <(awk '!/^[[:space:]]*(#|$)/ && $1 !~ /^purchases-/ {print $1}' bench/scenarios.txt)
fi

# ---------------------------------------------------------------------------------------------------------------
# Machine

CPU_MODEL=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
CPU_FAMILY=$(awk -F': ' '/^cpu family/ {print $2; exit}' /proc/cpuinfo)
CPU_MODEL_NO=$(awk -F': ' '/^model[[:space:]]*:/ {print $2; exit}' /proc/cpuinfo)
CPU_MHZ=$(awk -F': ' '/^cpu MHz/ {printf "%.0f", $2; exit}' /proc/cpuinfo)
NPROC=$(nproc)
MEM_GIB=$(awk '/^MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)
OS=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)
KERNEL=$(uname -r)
GIT_SHA=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain -- src pom.xml 2>/dev/null | grep -q . && echo "+dirty" || true)
GC=$("$JAVA" ${BENCH_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '$2 ~ /^Use(G1|Serial|Parallel|Z|Shenandoah)GC$/ && $4 == "true" {print $2}' | head -1)
MAX_HEAP_MB=$("$JAVA" ${BENCH_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '$2 == "MaxHeapSize" {printf "%d", $4/1048576}')

echo "== machine"
echo "cpu       $CPU_MODEL (family $CPU_FAMILY model $CPU_MODEL_NO, ${CPU_MHZ} MHz), nproc $NPROC"
echo "memory    ${MEM_GIB} GiB"
echo "os        $OS, kernel $KERNEL"
echo "jdk       $JAVA_VERSION ($JAVA); server JVM: $GC, max heap ${MAX_HEAP_MB} MiB, options '${BENCH_JAVA_OPTS:-}'"
echo "commit    $GIT_SHA$GIT_DIRTY"
echo "load avg  $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------------------------------------
# Build

JAR=$(ls target/opencio-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ "$REBUILD" = 1 ] || [ -z "$JAR" ]; then
  echo "== building the jar"
  ./mvnw -B -q -DskipTests package
  JAR=$(ls target/opencio-*.jar | grep -v -- '-plain' | head -1)
fi
echo "jar       $JAR ($(date -u -r "$JAR" +%FT%TZ))"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$DB
RESULTS="$ROOT/bench/results"
RUN_DIR="$RESULTS/$RUN_ID"
mkdir -p "$RUN_DIR"
RESULT_FILE="$RESULTS/$(date -u +%F).txt"

"$JAVAC" -d "$RUN_DIR/classes" bench/LoadGenerator.java bench/Seeder.java
TOOL_JAVA=("$JAVA" -XX:+UseSerialGC -Xms256m -Xmx512m -cp "$RUN_DIR/classes")

if ss -Hltn "sport = :$PORT" | grep -q .; then
  echo "run.sh: port $PORT is in use; pass --port or set BENCH_PORT" >&2
  exit 1
fi

# ---------------------------------------------------------------------------------------------------------------
# Database

DATA_DIR=$(mktemp -d -t opencio-bench-XXXXXX)
SERVER_ENV=(
  "SERVER_PORT=$PORT"
  "OPENCIO_DATA_DIR=$DATA_DIR"
  "OPENCIO_BASE_URL=http://127.0.0.1:$PORT"
  "OPENCIO_BOOTSTRAP_ADMIN_EMAIL=admin@bench.example"
  "OPENCIO_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password"
  "OPENCIO_BOOTSTRAP_ORG_NAME=Bench Industries"
  "OPENCIO_BOOTSTRAP_ORG_SLUG=bench"
  "OPENCIO_BOOTSTRAP_API_TOKEN=ocb_bench_token_0123456789abcdef"
)
SLUG=bench
TOKEN=ocb_bench_token_0123456789abcdef

if [ "$DB" = postgresql ]; then
  PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
  PG_PORT=${BENCH_PG_PORT:-5432}
  PG_USER=${BENCH_PG_USER:-opencio_bench}
  PG_DB=${BENCH_PG_DB:-opencio_bench}
  export PGPASSWORD=${BENCH_PG_PASSWORD:-opencio_bench}
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc 'select 1' >/dev/null; then
    echo "run.sh: cannot reach PostgreSQL as $PG_USER at $PG_HOST:$PG_PORT; see docs/benchmarks.md" >&2
    exit 1
  fi
  dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists "$PG_DB"
  createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  PG_VERSION=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -tAc 'show server_version')
  echo "database  PostgreSQL $PG_VERSION at $PG_HOST:$PG_PORT/$PG_DB (fresh)"
  SERVER_ENV+=(
    "SPRING_DATASOURCE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    "SPRING_DATASOURCE_USERNAME=$PG_USER"
    "SPRING_DATASOURCE_PASSWORD=$PGPASSWORD"
  )
else
  PG_VERSION=
  echo "database  embedded H2 in $DATA_DIR (fresh)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Server control

SERVER_PID=
SERVER_LOG=

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server $SERVER_PID did not stop in 30 s; killing it" >&2
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

cleanup() {
  local rc=$?
  stop_server
  [ -n "${PROBE_PID:-}" ] && kill "$PROBE_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }

# Starts the server with the bootstrap settings; sets SERVER_PID, READY_MS, STARTED_S (from the log).
start_server() {
  SERVER_LOG=$1
  local launch busy0
  busy0=$(machine_busy)
  launch=$(now_ms)
  env "${SERVER_ENV[@]}" "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  local deadline=$((launch + 300000))
  while :; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "run.sh: the server exited during start-up; last lines of $SERVER_LOG:" >&2
      tail -30 "$SERVER_LOG" >&2
      exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/actuator/health/readiness")" = 200 ]; then
      break
    fi
    if [ "$(now_ms)" -gt "$deadline" ]; then
      echo "run.sh: the server was not ready within 300 s" >&2
      exit 1
    fi
    sleep 0.1
  done
  READY_MS=$(( $(now_ms) - launch ))
  STARTED_S=$(grep -o 'Started OpenCioApplication in [0-9.]* seconds' "$SERVER_LOG" | awk '{print $4}' | head -1)
  # CPU the server used to get ready, and what other processes used meanwhile (disturbance)
  STARTUP_CPU=$(server_cpu)
  STARTUP_OTHER=$(awk -v m="$(sub "$(machine_busy)" "$busy0")" -v s="$STARTUP_CPU" -v p="$(pg_cpu)" \
    'BEGIN {o = m - s - p; if (o < 0) o = 0; printf "%.2f", o}')
  STARTUP_CLEAN=$(awk -v o="$STARTUP_OTHER" -v w="$READY_MS" -v n="$NPROC" 'BEGIN {print (o <= 0.1 * w / 1000 * n) ? "yes" : "no"}')
  [ "$STARTUP_CLEAN" = yes ] || echo "run.sh: WARNING: other processes used ${STARTUP_OTHER} CPU seconds during start-up; its time is disturbed" >&2
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status"; }
# CPU seconds (user + system) the server has used so far
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }
# busy CPU seconds of the whole machine so far (all cores)
machine_busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }
# CPU seconds the hypervisor gave to others while this machine wanted to run (steal), all cores
machine_steal() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", $9 / hz}' /proc/stat; }
# CPU seconds of the PostgreSQL backends serving the bench database (0 on H2)
pg_cpu() {
  if [ "$DB" != postgresql ]; then echo 0; return; fi
  local hz total=0 pid
  hz=$(getconf CLK_TCK)
  for pid in $(ps -u postgres -o pid=,args= | awk -v db="$PG_DB" '$0 ~ (" " db " ") {print $1}'); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$total" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}'
}
# CPU seconds used by finished child processes of this shell (the load generator runs in the foreground) into
# CHILDREN_CPU; 'times' must run in this shell, not in a $(...) subshell, which starts from zero
children_cpu() {
  times >"$RUN_DIR/.times"
  CHILDREN_CPU=$(awk 'NR == 2 {gsub(/[ms]/, " "); printf "%.2f", $1 * 60 + $2 + $3 * 60 + $4}' "$RUN_DIR/.times")
}
sub() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }

# With --wait-idle: waits until the whole machine is less than BENCH_IDLE_PERCENT busy over 5 s.
wait_idle() {
  [ "$WAIT_IDLE" -gt 0 ] || return 0
  local limit=${BENCH_IDLE_PERCENT:-15} start b0 b1 pct
  start=$(date +%s)
  while :; do
    b0=$(machine_busy); sleep 5; b1=$(machine_busy)
    pct=$(awk -v a="$b0" -v b="$b1" -v n="$NPROC" 'BEGIN {printf "%.0f", (b - a) * 100 / (5 * n)}')
    if [ "$pct" -lt "$limit" ]; then
      echo "machine   ${pct}% busy over 5 s; going ahead"
      return 0
    fi
    if [ $(( $(date +%s) - start )) -ge "$WAIT_IDLE" ]; then
      echo "run.sh: WARNING: the machine is still ${pct}% busy after ${WAIT_IDLE} s; measuring anyway" >&2
      return 0
    fi
    echo "machine   ${pct}% busy over 5 s; waiting for it to be under ${limit}%"
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Start-up and idle memory

echo "== starting the server on $DB (port $PORT)"
wait_idle
start_server "$RUN_DIR/server.log"
FIRST_READY_MS=$READY_MS
FIRST_STARTED_S=$STARTED_S
FIRST_STARTUP_CPU=$STARTUP_CPU
FIRST_STARTUP_OTHER=$STARTUP_OTHER
FIRST_STARTUP_CLEAN=$STARTUP_CLEAN
echo "ready     ${READY_MS} ms after launch (log: Started OpenCioApplication in ${STARTED_S:-?} s); server CPU ${STARTUP_CPU} s, other processes ${STARTUP_OTHER} s"
sleep "$IDLE"
IDLE_RSS=$(rss_kb)
echo "idle RSS  $((IDLE_RSS / 1024)) MiB after ${IDLE} s idle (VmRSS $IDLE_RSS kB)"

# ---------------------------------------------------------------------------------------------------------------
# Seeding

echo "== seeding $DEPARTMENTS departments and $MEMBERS members"
"${TOOL_JAVA[@]}" Seeder --base-url "http://127.0.0.1:$PORT" --token "$TOKEN" --slug "$SLUG" \
  --members "$MEMBERS" --departments "$DEPARTMENTS" --parallel 4 --out-dir "$RUN_DIR/ids" | tee "$RUN_DIR/seed.out"
[ "${PIPESTATUS[0]}" = 0 ] || { echo "run.sh: seeding failed" >&2; exit 1; }
SEED_S=$(awk '/^SEED / {for (i = 2; i <= NF; i++) if ($i ~ /^seconds=/) {sub("seconds=", "", $i); print $i}}' "$RUN_DIR/seed.out")
RSS_SEEDED=$(rss_kb)

# ---------------------------------------------------------------------------------------------------------------
# Load

LOAD_ARGS=(--base-url "http://127.0.0.1:$PORT" --scenarios bench/scenarios.txt --token "$TOKEN" --var "slug=$SLUG"
  --var-file "memberId=$RUN_DIR/ids/member-ids.txt" --var-file "departmentId=$RUN_DIR/ids/department-ids.txt"
  --connections "$CONNECTIONS" --client "$CLIENT" --executor "$EXECUTOR")

if [ "$SERVER_WARMUP" -gt 0 ]; then
  EACH=$(( (SERVER_WARMUP + ${#SCENARIOS[@]} - 1) / ${#SCENARIOS[@]} ))
  echo "== server warm-up: ${EACH} s of each scenario, not measured"
  for SCENARIO in "${SCENARIOS[@]}"; do
    "${TOOL_JAVA[@]}" LoadGenerator "${LOAD_ARGS[@]}" --scenario "$SCENARIO" --warmup $((EACH > 1 ? EACH - 1 : 0)) \
      --duration 1 --quiet >"$RUN_DIR/$SCENARIO.server-warmup.out"
  done
fi

SUMMARY=()
for SCENARIO in "${SCENARIOS[@]}"; do
for ATTEMPT in $(seq 1 $((RETRIES + 1))); do
  echo "== scenario $SCENARIO: $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured$([ "$ATTEMPT" = 1 ] || echo ", attempt $ATTEMPT")"
  wait_idle
  # established connections to the server, sampled in the middle of the measured window
  ( sleep $((WARMUP + DURATION / 2)); ss -Htn state established "( sport = :$PORT )" | wc -l >"$RUN_DIR/$SCENARIO.conns" ) &
  PROBE_PID=$!
  LOAD1_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  CPU0_SERVER=$(server_cpu); CPU0_MACHINE=$(machine_busy); CPU0_STEAL=$(machine_steal); CPU0_PG=$(pg_cpu)
  children_cpu; CPU0_CHILDREN=$CHILDREN_CPU
  T0=$(now_ms)
  set +e
  "${TOOL_JAVA[@]}" LoadGenerator "${LOAD_ARGS[@]}" --scenario "$SCENARIO" --warmup "$WARMUP" --duration "$DURATION" \
    ${MAX_REQUESTS:+--max-requests "$MAX_REQUESTS"} | tee "$RUN_DIR/$SCENARIO.out"
  LOAD_RC=${PIPESTATUS[0]}
  set -e
  WALL=$(awk -v a="$T0" -v b="$(now_ms)" 'BEGIN {printf "%.1f", (b - a) / 1000}')
  CPU_SERVER=$(sub "$(server_cpu)" "$CPU0_SERVER"); CPU_MACHINE=$(sub "$(machine_busy)" "$CPU0_MACHINE")
  CPU_PG=$(sub "$(pg_cpu)" "$CPU0_PG"); CPU_STEAL=$(sub "$(machine_steal)" "$CPU0_STEAL")
  children_cpu; CPU_LOADGEN=$(sub "$CHILDREN_CPU" "$CPU0_CHILDREN")
  wait "$PROBE_PID" 2>/dev/null || true
  PROBE_PID=
  CONNS=$(cat "$RUN_DIR/$SCENARIO.conns" 2>/dev/null || echo "?")
  LOAD1_AFTER=$(cut -d' ' -f1 /proc/loadavg)
  [ "$LOAD_RC" = 0 ] || echo "run.sh: the load generator failed for $SCENARIO (exit $LOAD_RC)" >&2
  RESULT=$(grep '^RESULT ' "$RUN_DIR/$SCENARIO.out" | sed 's/^RESULT //' || true)
  field() { echo "$RESULT" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
  OTHER=$(awk -v m="$CPU_MACHINE" -v s="$CPU_SERVER" -v p="$CPU_PG" -v l="$CPU_LOADGEN" 'BEGIN {o = m - s - p - l; if (o < 0) o = 0; printf "%.2f", o}')
  # server (and PostgreSQL) CPU over the warm-up and the measured window, per request sent in both
  CPU_PER_REQ=$(awk -v s="$CPU_SERVER" -v p="$CPU_PG" -v n="$(field requests)" -v w="$(field warmup_requests)" \
    'BEGIN {total = n + w; if (total > 0) printf "%.3f", (s + p) * 1000 / total; else print "?"}')
  CLEAN=$(awk -v o="$OTHER" -v w="$WALL" -v n="$NPROC" 'BEGIN {print (o <= 0.1 * w * n) ? "yes" : "no"}')
  [ "$CLEAN" = yes ] || echo "run.sh: WARNING: other processes used ${OTHER} CPU seconds during $SCENARIO (over 10% of the machine); its figures are disturbed" >&2
  echo "cpu       server ${CPU_SERVER} s, postgres ${CPU_PG} s, load generator ${CPU_LOADGEN} s, other processes ${OTHER} s, steal ${CPU_STEAL} s (over ${WALL} s wall, ${NPROC} cores)"
  echo "          ~${CPU_PER_REQ} ms server+database CPU per request; ${CONNS} connections established mid-run; load avg ${LOAD1_BEFORE} -> ${LOAD1_AFTER}"
  echo "run=$RUN_ID db=$DB attempt=$ATTEMPT members=$MEMBERS departments=$DEPARTMENTS $RESULT" \
    "conns_seen=$CONNS startup_ready_ms=$FIRST_READY_MS started_s=${FIRST_STARTED_S:-?} startup_cpu_s=$FIRST_STARTUP_CPU" \
    "startup_other_s=$FIRST_STARTUP_OTHER startup_clean=$FIRST_STARTUP_CLEAN idle_rss_kb=$IDLE_RSS" \
    "rss_seeded_kb=$RSS_SEEDED rss_after_kb=$(rss_kb) seed_s=${SEED_S:-?} cpu_server_s=$CPU_SERVER" \
    "cpu_pg_s=$CPU_PG cpu_loadgen_s=$CPU_LOADGEN cpu_other_s=$OTHER cpu_steal_s=$CPU_STEAL cpu_ms_per_req=$CPU_PER_REQ clean=$CLEAN" \
    "load1_before=$LOAD1_BEFORE load1_after=$LOAD1_AFTER nproc=$NPROC jdk=$JAVA_VERSION pg=${PG_VERSION:-none}" \
    "commit=$GIT_SHA$GIT_DIRTY java_opts=\"${BENCH_JAVA_OPTS:-}\" label=\"$LABEL\"" >>"$RESULT_FILE"
  SUMMARY+=("$(printf '%-18s %8s req/s  p50 %7s ms  p90 %7s ms  p99 %7s ms  max %8s ms  errors %s' \
    "$SCENARIO" "$(field rps)" "$(field p50_ms)" "$(field p90_ms)" "$(field p99_ms)" "$(field max_ms)" "$(field errors)")  ${CPU_PER_REQ} ms CPU/req$([ "$CLEAN" = yes ] || echo "  DISTURBED")")
  [ "$CLEAN" = yes ] && break
  [ "$ATTEMPT" -le "$RETRIES" ] && unset 'SUMMARY[${#SUMMARY[@]}-1]' && echo "== repeating $SCENARIO: it was disturbed"
done
done

RSS_AFTER=$(rss_kb)
HWM=$(hwm_kb)

# ---------------------------------------------------------------------------------------------------------------
# Second start on the existing database (no migrations, no bootstrap)

RESTART_MS=
if [ "$RESTART" = 1 ]; then
  stop_server
  echo "== restarting on the existing database"
  wait_idle
  start_server "$RUN_DIR/server-restart.log"
  RESTART_MS=$READY_MS
  RESTART_STARTED_S=$STARTED_S
  echo "ready     ${RESTART_MS} ms after launch (log: Started OpenCioApplication in ${RESTART_STARTED_S:-?} s); server CPU ${STARTUP_CPU} s, other processes ${STARTUP_OTHER} s"
  echo "run=$RUN_ID db=$DB scenario=restart restart_ready_ms=$RESTART_MS started_s=${RESTART_STARTED_S:-?}" \
    "startup_cpu_s=$STARTUP_CPU startup_other_s=$STARTUP_OTHER startup_clean=$STARTUP_CLEAN" \
    "nproc=$NPROC jdk=$JAVA_VERSION commit=$GIT_SHA$GIT_DIRTY label=\"$LABEL\"" >>"$RESULT_FILE"
  stop_server
fi

# ---------------------------------------------------------------------------------------------------------------
# Summary

echo
echo "== summary  $RUN_ID  ($DB, $MEMBERS members, $DEPARTMENTS departments, $CONNECTIONS connections, ${DURATION} s)"
echo "startup to ready    ${FIRST_READY_MS} ms (Started OpenCioApplication in ${FIRST_STARTED_S:-?} s; fresh database, migrations and bootstrap included; ${FIRST_STARTUP_CPU} s CPU)$([ "$FIRST_STARTUP_CLEAN" = yes ] || echo "  DISTURBED")"
[ -n "$RESTART_MS" ] && echo "restart to ready    ${RESTART_MS} ms (existing database; ${STARTUP_CPU} s CPU)$([ "$STARTUP_CLEAN" = yes ] || echo "  DISTURBED")"
echo "idle RSS            $((IDLE_RSS / 1024)) MiB (after ${IDLE} s idle, before seeding)"
echo "RSS after load      $((RSS_AFTER / 1024)) MiB (peak $((HWM / 1024)) MiB)"
echo "seeding             ${SEED_S:-?} s"
for line in "${SUMMARY[@]}"; do echo "$line"; done
echo "results appended to ${RESULT_FILE#"$ROOT/"}; logs in ${RUN_DIR#"$ROOT/"}/"
