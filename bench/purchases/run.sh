#!/usr/bin/env bash
# Purchase request benchmark (docs/benchmarks.md, "Purchase requests"): on PostgreSQL, an organization with 200,000
# purchase requests and their lines, approval steps, approvers, decisions and budget reservations; measures the
# "needs my approval" inbox of the organization's CIO (GET …/purchase-requests/inbox and …?needsMyApproval=true) and
# the submission of drafts with the budget check (POST …/purchase-requests/{id}/submit) with bench/LoadGenerator.java
# over loopback, then checks with SQL that no blocking budget line was reserved over its plan.
#
#   bench/purchases/run.sh                          # about 6 minutes on 2 cores
#   BENCH_SCENARIOS=purchases-inbox bench/purchases/run.sh
#
# Settings (environment): BENCH_REQUESTS (200000), BENCH_DRAFTS (50000; the submit scenario stops when every draft was
# submitted once), BENCH_CONNECTIONS (32), BENCH_WARMUP (10 s per scenario), BENCH_DURATION (30 s per read scenario),
# BENCH_SUBMIT_DURATION (60 s), BENCH_SERVER_WARMUP (30 s of unmeasured inbox load after seeding), BENCH_PORT (18303),
# BENCH_BUILD (0: package the jar only when it is missing; 1: always), BENCH_JAR, BENCH_JAVA_OPTS (-Xmx2g),
# BENCH_SCENARIOS (purchases-inbox purchases-needs-my-approval purchases-submit, of bench/scenarios.txt),
# BENCH_PG_HOST / BENCH_PG_PORT / BENCH_PG_USER / BENCH_PG_PASSWORD / BENCH_PG_DB (127.0.0.1, 5432, opencio, opencio,
# opencio_bench: the database is dropped and created again on every run), BENCH_LABEL (free text in the results).
# Results and logs go to bench/results/purchases/<run id>/ (not committed). Only 127.0.0.1 is ever contacted.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
readonly REQUESTS=${BENCH_REQUESTS:-200000}
readonly DRAFTS=${BENCH_DRAFTS:-50000}
readonly CONNECTIONS=${BENCH_CONNECTIONS:-32}
readonly WARMUP=${BENCH_WARMUP:-10}
readonly DURATION=${BENCH_DURATION:-30}
readonly SUBMIT_DURATION=${BENCH_SUBMIT_DURATION:-60}
readonly SERVER_WARMUP=${BENCH_SERVER_WARMUP:-30}
readonly PORT=${BENCH_PORT:-18303}
readonly JAR=${BENCH_JAR:-target/opencio-0.1.0-SNAPSHOT.jar}
readonly JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
read -r -a SCENARIOS <<<"${BENCH_SCENARIOS:-purchases-inbox purchases-needs-my-approval purchases-submit}"
readonly PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
readonly PG_PORT=${BENCH_PG_PORT:-5432}
readonly PG_USER=${BENCH_PG_USER:-opencio}
readonly PG_DB=${BENCH_PG_DB:-opencio_bench}
export PGPASSWORD=${BENCH_PG_PASSWORD:-opencio}
readonly SLUG=bench
readonly TOKEN=ocb_purchase_bench_token_0123456789
readonly ADMIN_EMAIL=cio@bench.example
readonly BASE_URL=http://127.0.0.1:$PORT
readonly API=$BASE_URL/api/v1/orgs/$SLUG
readonly YEAR=$(date +%Y)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/purchases/$RUN_ID
mkdir -p "$OUT"
RESULTS=$ROOT/bench/results/purchases/results.txt

psql_db() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { date +%s%3N; }

app_pid=""
stop_app() {
    if [[ -n "$app_pid" ]]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=""
    fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# CPU seconds (user + system) of the server so far
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$app_pid/stat"; }
# CPU seconds of the PostgreSQL backends serving the bench database
pg_cpu() {
    local total=0 pid
    for pid in $(ps -u postgres -o pid=,args= | awk -v db="$PG_DB" '$0 ~ (" " db " ") {print $1}'); do
        [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# POST/GET with the API token; fails unless the status is the expected one; prints the body.
api() {
    local method=$1 path=$2 expected=$3 body=${4:-}
    local response status
    response=$(curl -s -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' \
        ${body:+-H 'Content-Type: application/json' --data "$body"} "$API$path")
    status=${response##*$'\n'}
    if [[ $status != "$expected" ]]; then
        echo "$method $path answered $status (expected $expected): ${response%$'\n'*}" >&2
        exit 1
    fi
    printf '%s' "${response%$'\n'*}"
}
first_id() { grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4; }

# ---- machine

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GB"
    echo "java: $("$JAVA" -version 2>&1 | head -n 1), $JAVA_OPTS"
    echo "postgresql: $(psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc 'show server_version')"
    echo "requests: $REQUESTS, drafts: $DRAFTS, connections: $CONNECTIONS, warm-up: $WARMUP s, duration: $DURATION s (submit $SUBMIT_DURATION s)"
    echo "load average at the start: $(load)"
} | tee "$OUT/machine.txt"

# ---- build, database, server

if [[ ${BENCH_BUILD:-0} == 1 || ! -f $JAR ]]; then
    echo "==> packaging $JAR"
    ./mvnw -B -q -DskipTests package
fi
"$JAVAC" -d "$OUT/classes" bench/LoadGenerator.java bench/Seeder.java
TOOL_JAVA=("$JAVA" -XX:+UseSerialGC -Xms256m -Xmx512m -cp "$OUT/classes")

if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is in use; set BENCH_PORT" >&2
    exit 1
fi
psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $PG_DB" -c "create database $PG_DB"

echo "==> starting the server on PostgreSQL ($PG_HOST:$PG_PORT/$PG_DB), port $PORT"
DATA_DIR=$(mktemp -d -t opencio-purchases-XXXXXX)
env SERVER_PORT="$PORT" OPENCIO_DATA_DIR="$DATA_DIR" OPENCIO_BASE_URL="$BASE_URL" \
    OPENCIO_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL OPENCIO_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
    OPENCIO_BOOTSTRAP_ORG_NAME="Bench Industries" OPENCIO_BOOTSTRAP_ORG_SLUG=$SLUG OPENCIO_BOOTSTRAP_API_TOKEN=$TOKEN \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
    "$JAVA" $JAVA_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do
    kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$OUT/server.log"; echo "the server did not start" >&2; exit 1; }
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/actuator/health/readiness") == 200 ]] && break
    sleep 1
done

# ---- seeding: people and the budget through the API, the history in SQL

echo "==> seeding people, departments and the $YEAR budget through the API"
"${TOOL_JAVA[@]}" Seeder --base-url "$BASE_URL" --token "$TOKEN" --slug "$SLUG" --members 60 --departments 10 --parallel 4 \
    --out-dir "$OUT/ids" >"$OUT/seed-people.out"
tail -n 2 "$OUT/seed-people.out"
mapfile -t DEPTS <"$OUT/ids/department-ids.txt"
ME=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/v1/me" | first_id)
api POST /budgets 201 "{\"fiscalYear\":$YEAR,\"name\":\"IT budget $YEAR\"}" >/dev/null
# History lines (H*): room for two years of requests. Submit lines (S*): two blocking lines that are nearly full,
# two blocking lines with room, three that warn and one that asks for an extra approval when over.
line() {
    api POST "/budgets/$YEAR/lines" 201 "{\"code\":\"$1\",\"description\":\"$2\",\"departmentId\":\"${DEPTS[$3]}\",\"expenseType\":\"$4\",\"policy\":\"$5\",\"forecastMethod\":\"RUN_RATE\",\"amount\":$6${7:+,\"ownerId\":\"$7\"}}" >/dev/null
}
for n in 1 2 3 4 5 6 7 8; do line "H0$n" "History line $n" $((n % 10)) OPEX WARN 500000000; done
line S1 "Laptops (nearly full)" 0 OPEX BLOCK 60000 "$ME"
line S2 "Monitors (nearly full)" 1 OPEX BLOCK 90000
line S3 "Licences" 2 OPEX BLOCK 50000000 "$ME"
line S4 "Servers" 3 CAPEX BLOCK 50000000
line S5 "Cloud" 4 OPEX WARN 1000000
line S6 "Training" 5 OPEX WARN 2000000
line S7 "Support" 6 OPEX WARN 50000000
line S8 "Projects (extra approval when over)" 7 CAPEX EXTRA_APPROVAL 150000 "$ME"
# One request through the API, as a reference of what the application writes; the SQL seeding copies its policy.
S3_ID=$(psql_db -tAc "select id from budget_lines where code = 'S3'")
REF=$(api POST /purchase-requests 201 "{\"title\":\"Reference request\",\"departmentId\":\"${DEPTS[2]}\",\"budgetLineId\":\"$S3_ID\",\"lines\":[{\"description\":\"Laptop\",\"quantity\":2,\"unitPrice\":1450.00}]}" | first_id)
api POST "/purchase-requests/$REF/submit" 200 '{}' >/dev/null

echo "==> seeding $REQUESTS purchase requests and $DRAFTS drafts in SQL"
T0=$(now_ms)
psql_db -v slug=$SLUG -v admin_email=$ADMIN_EMAIL -v requests="$REQUESTS" -v drafts="$DRAFTS" -v year="$YEAR" \
    -f bench/purchases/seed.sql | tee "$OUT/seed-sql.out"
SEED_S=$(( ($(now_ms) - T0) / 1000 ))
echo "seeded in ${SEED_S} s"
# The drafts in a fixed, mixed order: every line's drafts come up throughout the run.
psql_db -tAc "select id from purchase_requests where title like 'Bench draft %' order by md5(id::text)" >"$OUT/draft-ids.txt"
PLAN_SQL="l.m01 + l.m02 + l.m03 + l.m04 + l.m05 + l.m06 + l.m07 + l.m08 + l.m09 + l.m10 + l.m11 + l.m12"
psql_db -c "select code, policy, $PLAN_SQL as plan, reserved, committed, actual from budget_lines l where code like 'S%' order by code" \
    | tee "$OUT/lines-before.txt"

# ---- the inbox query, explained

INBOX_PAGE=$(api GET "/purchase-requests/inbox?limit=50" 200)
echo "inbox first page: $(grep -o '"stepId"' <<<"$INBOX_PAGE" | wc -l) items"
# The query of PurchaseRequestManagement.inbox, for the administrator (who stands in for nobody), first page of 50.
psql_db >"$OUT/inbox-explain.txt" <<SQL
\set me '''$(psql_db -tAc "select id from accounts where email = '$ADMIN_EMAIL'")'''
\set org '''$(psql_db -tAc "select id from organizations where slug = '$SLUG'")'''
explain (analyze, buffers)
select r.id, r.number, r.title, r.requester_id, r.total_base, r.base_currency, s.id as step_id, s.name, s.stage, s.mode,
  s.started_at, (select o.account_id from approval_step_approvers o where o.org_id = :org and o.step_id = s.id
  and o.account_id in (:me) order by case when o.account_id = :me then 0 else 1 end, o.account_id limit 1) as decides_as
from approval_steps s
join purchase_requests r on r.org_id = s.org_id and r.id = s.request_id
where s.org_id = :org and s.status = 'PENDING' and r.requester_id <> :me
and exists (select 1 from approval_step_approvers a where a.step_id = s.id and a.account_id in (:me) and a.org_id = :org)
and not exists (select 1 from approval_decisions d where d.org_id = :org and d.step_id = s.id and d.approver_id = :me)
order by s.started_at, s.id limit 51;
SQL
grep -E 'Execution Time|Planning Time' "$OUT/inbox-explain.txt"

# ---- load

LOAD_ARGS=(--base-url "$BASE_URL" --scenarios bench/scenarios.txt --token "$TOKEN" --var "slug=$SLUG" --connections "$CONNECTIONS")
if [[ $SERVER_WARMUP -gt 0 ]]; then
    echo "==> server warm-up: ${SERVER_WARMUP} s of inbox load, not measured"
    "${TOOL_JAVA[@]}" LoadGenerator "${LOAD_ARGS[@]}" --scenario purchases-inbox --warmup $((SERVER_WARMUP - 1)) --duration 1 --quiet \
        >"$OUT/server-warmup.out"
fi

SUMMARY=()
for SCENARIO in "${SCENARIOS[@]}"; do
    EXTRA=(--warmup "$WARMUP" --duration "$DURATION")
    if [[ $SCENARIO == purchases-submit ]]; then
        EXTRA=(--warmup 5 --duration "$SUBMIT_DURATION" --var-file-once "draftId=$OUT/draft-ids.txt")
    fi
    echo "==> $SCENARIO: $CONNECTIONS connections, ${EXTRA[*]:0:4}"
    LOAD_BEFORE=$(load)
    CPU0=$(server_cpu); PG0=$(pg_cpu)
    # What the database sessions do, once a second during the measured window: running, or waiting, and on which statement.
    (
        sleep "${EXTRA[1]}"
        for _ in $(seq 1 "${EXTRA[3]}"); do
            psql_db -tA -F' | ' -c "select coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), state,
                regexp_replace(left(query, 70), '\s+', ' ', 'g'), count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' group by 1, 2, 3, 4" 2>/dev/null
            echo "--"
            sleep 1
        done
    ) >"$OUT/$SCENARIO.sessions.txt" &
    SAMPLER=$!
    "${TOOL_JAVA[@]}" LoadGenerator "${LOAD_ARGS[@]}" --scenario "$SCENARIO" "${EXTRA[@]}" | tee "$OUT/$SCENARIO.out"
    kill "$SAMPLER" 2>/dev/null || true
    wait "$SAMPLER" 2>/dev/null || true
    # sessions per second: waiting on a lock (by statement), in a transaction between statements, running
    awk -F' [|] ' '/^--$/ {n++; next} {k = ($1 == "Lock" ? "waiting on a lock: " $4 : $3 == "idle in transaction" ? "in a transaction, between statements" : "running a statement (" $1 " " $2 ")"); c[k] += $5}
        END {for (k in c) printf "%6.1f  %s\n", c[k] / (n ? n : 1), k}' "$OUT/$SCENARIO.sessions.txt" | sort -rn | head -n 8 \
        | tee "$OUT/$SCENARIO.sessions-summary.txt"
    CPU=$(awk -v a="$CPU0" -v b="$(server_cpu)" 'BEGIN {printf "%.1f", b - a}')
    PG=$(awk -v a="$PG0" -v b="$(pg_cpu)" 'BEGIN {printf "%.1f", b - a}')
    LOAD_AFTER=$(load)
    RESULT=$(grep '^RESULT ' "$OUT/$SCENARIO.out" | sed 's/^RESULT //')
    field() { tr ' ' '\n' <<<"$RESULT" | awk -F= -v k="$1" '$1 == k {print $2}'; }
    echo "run=$RUN_ID $RESULT server_cpu_s=$CPU pg_cpu_s=$PG load_before=\"$LOAD_BEFORE\" load_after=\"$LOAD_AFTER\"" \
        "requests_seeded=$REQUESTS commit=$(git rev-parse --short HEAD) label=\"${BENCH_LABEL:-}\"" >>"$RESULTS"
    SUMMARY+=("$(printf '%-28s %7s req/s  p50 %6s ms  p90 %6s ms  p99 %6s ms  max %7s ms  statuses %s  server CPU %s s, postgres %s s  load %s -> %s' \
        "$SCENARIO" "$(field rps)" "$(field p50_ms)" "$(field p90_ms)" "$(field p99_ms)" "$(field max_ms)" "$(field statuses)" \
        "$CPU" "$PG" "$LOAD_BEFORE" "$LOAD_AFTER")")
    if [[ $SCENARIO == purchases-submit ]]; then
        # The drafts the run sent (warm-up and failures included): the first ones of the file, taken in order.
        head -n "$(sed -n 's/^USED draftId=//p' "$OUT/$SCENARIO.out")" "$OUT/draft-ids.txt" >"$OUT/drafts-tried.txt"
    fi
done

# ---- the budget afterwards

if [[ -f $OUT/drafts-tried.txt ]]; then
    echo "==> budget check after the submissions"
    psql_db -v ON_ERROR_STOP=1 <<SQL | tee "$OUT/budget-check.txt"
create temp table tried (id uuid primary key);
\copy tried from '$OUT/drafts-tried.txt'
-- The drafts the run sent, with what they ask for and what became of them.
create temp table t as
select r.id, r.number, r.status, r.budget_line_id, r.total_base,
       (select sum(pl.amount) from purchase_request_lines pl where pl.org_id = r.org_id and pl.request_id = r.id) as asked,
       exists (select 1 from budget_movements m where m.org_id = r.org_id and m.source_key = 'RESERVED:purchase-request:' || r.id) as reserved
from purchase_requests r join tried using (id);
create temp table lines as
select l.id, l.code, l.policy, $PLAN_SQL as plan, l.reserved, l.committed, l.actual,
       (select coalesce(sum(m.amount), 0) from budget_movements m where m.org_id = l.org_id and m.line_id = l.id and m.stage = 'RESERVED') as movements,
       (select coalesce(sum(r.total_base), 0) from purchase_requests r where r.org_id = l.org_id and r.budget_line_id = l.id
          and r.status = 'SUBMITTED') as submitted_total
from budget_lines l where l.code like 'S%';
\pset footer off
select l.code, l.policy, l.plan, l.reserved, l.committed, l.actual, l.plan - l.reserved - l.committed - l.actual as available,
       count(t.id) filter (where t.status = 'SUBMITTED') as accepted, count(t.id) filter (where t.status = 'DRAFT') as refused,
       coalesce(sum(t.total_base) filter (where t.status = 'SUBMITTED'), 0) as accepted_total, l.movements as reserved_movements,
       min(t.asked) filter (where t.status = 'DRAFT') as smallest_refused
from lines l left join t on t.budget_line_id = l.id
group by l.id, l.code, l.policy, l.plan, l.reserved, l.committed, l.actual, l.movements order by l.code;
-- Each violation is a row; none must appear.
select 'blocking line over plan' as violation, code from lines where policy = 'BLOCK' and reserved + committed + actual > plan
union all
select 'reservations differ from the accepted submissions', code from lines where movements <> submitted_total
union all
select 'line total differs from its movements', code from lines where reserved <> movements
union all
select 'refused although the line had room', t.number from t join lines l on l.id = t.budget_line_id
  where t.status = 'DRAFT' and t.asked <= l.plan - l.reserved - l.committed - l.actual
union all
select 'refused on a line that does not block', t.number from t join lines l on l.id = t.budget_line_id
  where t.status = 'DRAFT' and l.policy <> 'BLOCK'
union all
select 'submitted without reservation', t.number from t where t.status = 'SUBMITTED' and not t.reserved
union all
select 'reserved but not submitted', t.number from t where t.status <> 'SUBMITTED' and t.reserved;
select count(*) filter (where status = 'SUBMITTED') as accepted, count(*) filter (where status = 'DRAFT') as refused,
       count(*) as tried from t;
SQL
    if grep -qE '^ *(blocking line over plan|reservations differ|line total differs|refused although|refused on a line|submitted without|reserved but not)' "$OUT/budget-check.txt"; then
        echo "BUDGET CHECK FAILED (see $OUT/budget-check.txt)" >&2
        BUDGET_OK=no
    else
        echo "budget check: no blocking line over plan; reservations equal the accepted submissions; refusals only on full blocking lines"
        BUDGET_OK=yes
    fi
    echo "run=$RUN_ID scenario=budget-check ok=$BUDGET_OK" >>"$RESULTS"
fi

stop_app
rm -rf "$DATA_DIR"
echo
echo "== summary $RUN_ID (PostgreSQL, $REQUESTS requests, $CONNECTIONS connections; load average at the end: $(load))"
for s in "${SUMMARY[@]}"; do echo "$s"; done
echo "seeding in SQL: ${SEED_S} s; results in ${OUT#"$ROOT/"}/ and ${RESULTS#"$ROOT/"}"
