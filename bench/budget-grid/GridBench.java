import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a budget year and measures the budget grid and the budget summary of a running OpenCIO, for
 * docs/benchmarks.md ("Budget grid"). Run with the JDK's source launcher (no build needed):
 *
 * <pre>
 * java GridBench.java seed-lines   BASE_URL SLUG TOKEN YEAR LINES
 * java -cp h2.jar:postgresql.jar GridBench.java seed-actuals JDBC_URL USER PASSWORD YEAR ROWS_PER_LINE
 * java GridBench.java measure      BASE_URL SLUG TOKEN YEAR WARMUP REQUESTS OUT_FILE [SERVER_PID [EMAIL PASSWORD]]
 * java -cp postgresql.jar GridBench.java sql JDBC_URL USER PASSWORD STATEMENT…
 * </pre>
 *
 * run.sh strings them together against a fresh H2 and a fresh PostgreSQL schema. {@code measure} times the targets named in
 * BENCH_TARGETS (default {@code grid,summary,page}): {@code grid} and {@code summary} are API calls with the token,
 * {@code page} is the budget grid page as a browser gets it (signed in with EMAIL and PASSWORD through the login form),
 * and {@code page:QUERY} the same page with a query string, e.g. {@code page:size=500} or {@code page:page=20}.
 */
public class GridBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "seed-lines" -> seedLines(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "seed-actuals" -> seedActuals(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "sql" -> sql(args[1], args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
            case "measure" -> measure(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Path.of(args[7]), args.length > 8 ? Long.parseLong(args[8]) : 0,
                    args.length > 10 ? args[9] : null, args.length > 10 ? args[10] : null);
            default -> {
                System.err.println("usage: GridBench seed-lines|seed-actuals|measure …  (see the class comment)");
                System.exit(2);
            }
        }
    }

    // ---- seeding through the API

    /** A draft budget with {@code count} lines spread over 20 departments, the cost pools and towers and both forecasts. */
    static void seedLines(String baseUrl, String slug, String token, int year, int count) throws Exception {
        var api = new Api(baseUrl, token);
        String org = "/api/v1/orgs/" + slug;
        api.expect(201, api.post(org + "/budgets", "{\"fiscalYear\":" + year + ",\"name\":\"Benchmark " + year + "\"}"));
        List<String> departments = new ArrayList<>();
        for (int d = 1; d <= 20; d++) {
            var created = api.post(org + "/departments", String.format("{\"code\":\"BD%02d\",\"name\":\"Bench department %02d\"}", d, d));
            api.expect(201, created);
            departments.add(firstId(created.body()));
        }
        String categories = api.expect(200, api.get(org + "/cost-categories")).body();
        List<String> pools = idsOfKind(categories, "POOL");
        List<String> towers = idsOfKind(categories, "TOWER");
        String owner = firstId(api.expect(200, api.get("/api/v1/me")).body());

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String amount = n % 5 == 0 ? "\"months\":" + months(n) : "\"amount\":" + (1_000 + (n * 7_919L) % 499_000) + "." + (n % 100);
                String json = String.format(Locale.ROOT,
                        "{\"code\":\"BL-%05d\",\"description\":\"Benchmark line %d\",\"departmentId\":\"%s\",\"costPoolId\":\"%s\","
                                + "\"towerId\":\"%s\",\"expenseType\":\"%s\",\"policy\":\"%s\",\"forecastMethod\":\"%s\"%s,%s}",
                        n, n, departments.get(n % departments.size()), pools.get(n % pools.size()), towers.get(n % towers.size()),
                        n % 3 == 0 ? "CAPEX" : "OPEX", List.of("WARN", "BLOCK", "EXTRA_APPROVAL").get(n % 3),
                        n % 2 == 0 ? "RUN_RATE" : "REMAINING_PLAN", n % 4 == 0 ? ",\"ownerId\":\"" + owner + "\"" : "", amount);
                api.expect(201, api.post(org + "/budgets/" + year + "/lines", json));
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("seeded %d lines in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    static String months(int n) {
        String[] months = new String[12];
        for (int m = 0; m < 12; m++) {
            months[m] = String.valueOf(1_000 + (n * 31L + m * 577L) % 40_000) + ".25";
        }
        return "[" + String.join(",", months) + "]";
    }

    // ---- seeding actual money directly in the database

    /**
     * A SEEDING SHORTCUT, not the application's path: {@code rowsPerLine} ACTUAL movements per line (source type
     * {@code bench}) written straight into budget_movements, with the budget_actual_totals, budget_lines.actual and
     * alert levels the ledger would have kept in step. Through the API this would take hours; the cost import will be
     * the real bulk path. Meant for a fresh database: the totals are inserted, not added to.
     */
    static void seedActuals(String url, String user, String password, int year, int rowsPerLine) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            String budget;
            try (PreparedStatement ps = c.prepareStatement("select id from budgets where fiscal_year = ?")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no budget for " + year);
                    }
                    budget = rs.getString(1);
                }
            }
            long started = System.nanoTime();
            // Months 1-10: the benchmark year is in its eleventh month, so the run-rate forecast has closed months.
            int rows = update(c, """
                    insert into budget_movements (id, org_id, line_id, stage, amount, fiscal_month, source_type, source_id,
                                                  source_key, description, created_at, created_by)
                    select gen_random_uuid(), l.org_id, l.id, 'ACTUAL', ((g.n * 37 + 11) % 400 + 1) * 1.25, 1 + g.n % 10, 'bench',
                           l.code || '-' || g.n, 'ACTUAL:bench:' || l.code || '-' || g.n, null, current_timestamp, null
                    from budget_lines l cross join generate_series(1, :rows) as g(n)
                    where l.budget_id = ':budget' and l.unallocated = false
                    """.replace(":rows", String.valueOf(rowsPerLine)).replace(":budget", budget));
            int totals = update(c, """
                    insert into budget_actual_totals (org_id, line_id, fiscal_month, amount)
                    select m.org_id, m.line_id, m.fiscal_month, sum(m.amount)
                    from budget_movements m join budget_lines l on l.id = m.line_id
                    where l.budget_id = ':budget' and m.stage = 'ACTUAL'
                    group by m.org_id, m.line_id, m.fiscal_month
                    """.replace(":budget", budget));
            update(c, """
                    update budget_lines set version = version + 1,
                           actual = (select coalesce(sum(t.amount), 0) from budget_actual_totals t where t.line_id = budget_lines.id)
                    where budget_id = ':budget'
                    """.replace(":budget", budget));
            update(c, """
                    update budget_lines set alert_level = case
                        when reserved + committed + actual > m01+m02+m03+m04+m05+m06+m07+m08+m09+m10+m11+m12 then 'OVER'
                        when m01+m02+m03+m04+m05+m06+m07+m08+m09+m10+m11+m12 > 0
                             and (reserved + committed + actual) * 100
                                 >= (m01+m02+m03+m04+m05+m06+m07+m08+m09+m10+m11+m12)
                                    * (select warn_percent from budgets b where b.id = budget_lines.budget_id) then 'WARNING'
                        else 'OK' end
                    where budget_id = ':budget' and unallocated = false
                    """.replace(":budget", budget));
            c.commit();
            c.setAutoCommit(true);
            if (url.startsWith("jdbc:postgresql")) {
                try (Statement s = c.createStatement()) {
                    s.execute("analyze");
                }
            }
            System.out.printf("seeded %d actual movements and %d monthly totals in %.1f s%n", rows, totals, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Runs statements one by one (run.sh uses it to give PostgreSQL a fresh schema). */
    static void sql(String url, String user, String password, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    static int update(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    // ---- measuring

    record Target(String name, String path, String uri, boolean page) {}

    /**
     * Sequential requests over one keep-alive connection after a warm-up. With the server's process id (same machine),
     * also the server's CPU time per request, all its threads included: unlike elapsed time, it hardly depends on what
     * else the machine is running.
     */
    static void measure(String baseUrl, String slug, String token, int year, int warmup, int requests, Path out, long pid,
            String email, String password) throws Exception {
        var api = new Api(baseUrl, token);
        String org = "/api/v1/orgs/" + slug;
        List<Target> targets = new ArrayList<>();
        String wanted = System.getenv().getOrDefault("BENCH_TARGETS", "grid,summary,page");
        for (String name : wanted.split(",")) {
            name = name.strip();
            if (name.equals("grid")) {
                targets.add(new Target("grid", org + "/budgets/" + year + "/lines", "/api/v1/orgs/{orgSlug}/budgets/{fiscalYear}/lines", false));
            } else if (name.equals("summary")) {
                targets.add(new Target("summary", org + "/budgets/" + year, "/api/v1/orgs/{orgSlug}/budgets/{fiscalYear}", false));
            } else if (name.equals("page") || name.startsWith("page:")) {
                String query = name.equals("page") ? "" : "?" + name.substring(5);
                targets.add(new Target(name, "/o/" + slug + "/budgets/" + year + query, "/o/{orgSlug}/budgets/{fiscalYear}", true));
            } else if (!name.isEmpty()) {
                throw new IllegalArgumentException("unknown target " + name + " (grid, summary, page, page:QUERY)");
            }
        }
        Browser browser = null;
        if (targets.stream().anyMatch(Target::page)) {
            if (email == null || password == null) {
                throw new IllegalArgumentException("the page targets need EMAIL and PASSWORD to sign in");
            }
            browser = Browser.signIn(baseUrl, email, password);
        }
        StringBuilder report = new StringBuilder();
        for (Target t : targets) {
            Client client = t.page() ? browser : api;
            var first = api.expect(200, client.get(t.path()));
            long bytes = first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int lines = t.name().equals("grid") ? count(first.body(), "\"code\"")
                    : t.page() ? count(first.body(), "class=\"line-code\"") : 0;
            for (int i = 0; i < warmup; i++) {
                api.expect(200, client.get(t.path()));
            }
            Map<String, Double> before = serverMetrics(api, t.uri());
            double cpuBefore = cpuSeconds(pid);
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                api.expect(200, client.get(t.path()));
                nanos[i] = System.nanoTime() - start;
            }
            double cpu = (cpuSeconds(pid) - cpuBefore) / requests * 1000;
            Map<String, Double> after = serverMetrics(api, t.uri());
            Arrays.sort(nanos);
            double count = after.get("count") - before.get("count");
            double mean = (after.get("sum") - before.get("sum")) / count * 1000;
            String line = String.format(Locale.ROOT,
                    "%-7s %s  %d requests, %d bytes%s | client p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                            + " | server mean %.1f ms, p50 ≤ %s ms, p99 ≤ %s ms (Prometheus, %d requests)%s",
                    t.name(), t.path(), requests, bytes, lines > 0 ? ", " + lines + " lines" : "",
                    percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6, mean,
                    bucketPercentile(before, after, 0.50), bucketPercentile(before, after, 0.99), (long) count,
                    pid > 0 ? String.format(Locale.ROOT, " | server CPU %.1f ms per request", cpu) : "");
            System.out.println(line);
            report.append(line).append('\n');
        }
        Files.writeString(out, report);
    }

    /** User + system CPU time of a Linux process so far (clock ticks of 1/100 s), or 0 without a process id. */
    static double cpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static final Pattern METRIC = Pattern.compile("^http_server_requests_seconds_(count|sum|bucket)\\{(.*)\\} ([0-9.eE+-]+)$");

    /** count, sum and the cumulative histogram buckets (le → count) of successful GETs of the route. */
    static Map<String, Double> serverMetrics(Api api, String uri) throws Exception {
        String text = api.expect(200, api.get("/actuator/prometheus")).body();
        Map<String, Double> values = new HashMap<>(Map.of("count", 0.0, "sum", 0.0));
        for (String row : text.split("\n")) {
            Matcher m = METRIC.matcher(row);
            if (m.matches() && m.group(2).contains("uri=\"" + uri + "\"") && m.group(2).contains("method=\"GET\"")
                    && m.group(2).contains("status=\"200\"")) {
                String key = m.group(1);
                if (key.equals("bucket")) {
                    Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(m.group(2));
                    le.find();
                    key = "le:" + le.group(1);
                }
                values.merge(key, Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return values;
    }

    /** The upper bound of the histogram bucket in which the quantile of the requests between two scrapes falls. */
    static String bucketPercentile(Map<String, Double> before, Map<String, Double> after, double quantile) {
        double total = after.get("count") - before.get("count");
        List<double[]> buckets = new ArrayList<>();
        for (var e : after.entrySet()) {
            if (e.getKey().startsWith("le:") && !e.getKey().equals("le:+Inf")) {
                buckets.add(new double[] {Double.parseDouble(e.getKey().substring(3)), e.getValue() - before.getOrDefault(e.getKey(), 0.0)});
            }
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        for (double[] b : buckets) {
            if (b[1] >= quantile * total) {
                return new BigDecimal(b[0] * 1000).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            }
        }
        return "∞";
    }

    // ---- helpers

    static String firstId(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    static List<String> idsOfKind(String categories, String kind) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"kind\"\\s*:\\s*\"" + kind + "\"[^{}]*}").matcher(categories);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no " + kind + " in " + categories);
        }
        return ids;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Something that GETs a path of the server. */
    interface Client {
        HttpResponse<String> get(String path) throws IOException, InterruptedException;
    }

    /**
     * Pages as a signed-in browser gets them: the session cookie from the login form (with its CSRF token), one
     * keep-alive connection, no JavaScript.
     */
    record Browser(String baseUrl, HttpClient http) implements Client {

        static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

        static Browser signIn(String baseUrl, String email, String password) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var browser = new Browser(baseUrl, http);
            String form = browser.get("/login").body();
            Matcher m = CSRF.matcher(form);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String csrf = m.group(1) != null ? m.group(1) : m.group(2);
            String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error") || location.contains("login")) {
                throw new IllegalStateException("sign-in of " + email + " was refused: " + answer.statusCode() + " " + location);
            }
            return browser;
        }

        @Override
        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String enc(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The JSON API over one keep-alive HTTP/1.1 connection per thread, as a script or integration would call it. */
    record Api(String baseUrl, String token, HttpClient http) implements Client {

        Api(String baseUrl, String token) {
            this(baseUrl, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }

        @Override
        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        }

        HttpResponse<String> expect(int status, HttpResponse<String> response) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response;
        }
    }
}
