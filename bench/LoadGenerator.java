/*
 * OpenCIO HTTP load generator: a closed-loop load of N connections against one endpoint, bounded in time and count.
 *
 * Runs as its own process, with no dependencies (JDK 21+):
 *
 *   java bench/LoadGenerator.java --base-url http://127.0.0.1:18080 --token <api token> \
 *        --scenario members-list --var slug=bench --connections 32 --warmup 10 --duration 30
 *
 *   java bench/LoadGenerator.java --url 'http://127.0.0.1:18080/actuator/health/readiness' --duration 10
 *
 * Each of the N workers is a platform thread that sends one request at a time and waits for the whole response
 * before sending the next, so at most N requests and N keep-alive connections (HTTP/1.1) are in use. By default the
 * workers share one HttpClient that handles responses on its selector thread: on a small machine this costs the
 * least CPU and gives the steadiest latencies; docs/benchmarks.md has the measurements behind that choice. Every
 * latency of the measured window (after warm-up) is kept and sorted at the end, so the percentiles are exact.
 *
 * Output: a human-readable summary and one machine-readable line starting with "RESULT ".
 */
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadGenerator {

    static final int MAX_CONNECTIONS = 1024;
    static final int MAX_DURATION_SECONDS = 300;
    static final int MAX_WARMUP_SECONDS = 120;
    static final long MAX_REQUESTS = 20_000_000L;

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o.list) {
            for (Scenario s : Scenario.load(o.scenarioFile).values()) {
                System.out.println(s);
            }
            return;
        }
        Result r = run(o);
        r.print(o);
        System.exit(r.requests == 0 ? 1 : 0);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Scenarios: one line each in bench/scenarios.txt

    /**
     * A scenario: a name, a method, a path template with {variables}, and options (auth=none, expect=200,409,
     * body=...). {@code expect} names the statuses that are a normal answer (default: any 2xx), e.g. a 409 that
     * refuses a submission because the budget is full.
     */
    record Scenario(String name, String method, String path, boolean auth, Set<Integer> expect, String body) {

        static Map<String, Scenario> load(Path file) throws IOException {
            Map<String, Scenario> all = new LinkedHashMap<>();
            int lineNo = 0;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split("\\s+", 4);
                if (head.length < 3) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'name method path [options]'");
                }
                boolean auth = true;
                Set<Integer> expect = Set.of();
                String body = null;
                String rest = head.length == 4 ? head[3] : "";
                while (!rest.isEmpty()) {
                    if (rest.startsWith("body=")) {
                        body = rest.substring(5);
                        break;
                    }
                    String[] opt = rest.split("\\s+", 2);
                    switch (opt[0]) {
                        case "auth=none" -> auth = false;
                        case "auth=token" -> auth = true;
                        default -> {
                            if (!opt[0].startsWith("expect=")) {
                                throw new IllegalArgumentException(file + ":" + lineNo + ": unknown option '" + opt[0]
                                        + "' (auth=none|token, expect=STATUS,..., body=...)");
                            }
                            expect = statuses(opt[0].substring(7));
                        }
                    }
                    rest = opt.length == 2 ? opt[1] : "";
                }
                all.put(head[0], new Scenario(head[0], head[1].toUpperCase(Locale.ROOT), head[2], auth, expect, body));
            }
            return all;
        }

        @Override
        public String toString() {
            return String.format("%-22s %-6s %s%s%s%s", name, method, path, auth ? "" : "  auth=none",
                    expect.isEmpty() ? "" : "  expect=" + expect, body == null ? "" : "  body=" + body);
        }

        static Set<Integer> statuses(String list) {
            Set<Integer> out = new TreeSet<>();
            for (String s : list.split(",")) {
                out.add(Integer.parseInt(s.strip()));
            }
            return Set.copyOf(out);
        }
    }

    /** Thrown when a --var-file-once variable has used up its file: the worker stops, without an error. */
    static final class Exhausted extends NoSuchElementException {
        Exhausted(String name) {
            super("every value of {" + name + "} has been used");
        }
    }

    /**
     * A text with {name} placeholders, filled per request: from a fixed value, a random line of a file, or the next
     * unused line of a file (--var-file-once, one counter per variable shared by every worker and template).
     */
    static final class Template {
        private static final Pattern VAR = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");
        private final List<String> literals = new ArrayList<>();
        private final List<String[]> choices = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, AtomicInteger> once;
        private final boolean urlEncode;

        Template(String text, Map<String, String[]> vars, boolean urlEncode) {
            this(text, vars, Map.of(), urlEncode);
        }

        Template(String text, Map<String, String[]> vars, Map<String, AtomicInteger> once, boolean urlEncode) {
            this.once = once;
            this.urlEncode = urlEncode;
            Matcher m = VAR.matcher(text);
            int at = 0;
            while (m.find()) {
                String[] values = vars.get(m.group(1));
                if (values == null || values.length == 0) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} in '" + text
                            + "': pass --var " + m.group(1) + "=... or --var-file " + m.group(1) + "=FILE");
                }
                literals.add(text.substring(at, m.start()));
                choices.add(values);
                names.add(m.group(1));
                at = m.end();
            }
            literals.add(text.substring(at));
        }

        String fill() {
            if (choices.isEmpty()) {
                return literals.get(0);
            }
            StringBuilder b = new StringBuilder();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < choices.size(); i++) {
                b.append(literals.get(i));
                String[] values = choices.get(i);
                AtomicInteger next = once.get(names.get(i));
                String v;
                if (next != null) {
                    int n = next.getAndIncrement();
                    if (n >= values.length) {
                        throw new Exhausted(names.get(i));
                    }
                    v = values[n];
                } else {
                    v = values.length == 1 ? values[0] : values[random.nextInt(values.length)];
                }
                b.append(urlEncode ? URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20") : v);
            }
            return b.append(literals.getLast()).toString();
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Options

    static final class Options {
        static final String USAGE = """
                Usage: java bench/LoadGenerator.java (--url URL | --base-url URL --scenario NAME) [options]

                  --url URL              full URL, may contain {variables}
                  --base-url URL         server root, e.g. http://127.0.0.1:18080, used with --scenario
                  --scenario NAME        a scenario of the scenario file (see --list)
                  --scenarios FILE       scenario file (default bench/scenarios.txt)
                  --list                 print the scenarios of the scenario file and exit
                  --method M             HTTP method for --url (default GET)
                  --body TEXT            request body (JSON), may contain {variables}
                  --token T              sends 'Authorization: Bearer T' (unless the scenario says auth=none)
                  -H, --header 'N: V'    extra request header (repeatable)
                  --var NAME=VALUE       value of {NAME} (repeatable)
                  --var-file NAME=FILE   {NAME} becomes a random line of FILE on each request (repeatable)
                  --var-file-once NAME=FILE
                                         {NAME} takes the lines of FILE in order, each once (warm-up included);
                                         a worker stops when they are used up (e.g. drafts to submit)
                  --expect S,S,...       statuses that are a normal answer (default any 2xx; a scenario's expect=)
                  --connections N        concurrent connections, each with one request in flight (default 32, max 1024)
                  --duration S           measured seconds (default 30, max 300)
                  --warmup S             seconds of load before measuring, discarded (default 10, max 120)
                  --max-requests N       stop measuring after N requests (default: no limit but the duration)
                  --timeout S            per-request timeout in seconds (default 10)
                  --client MODE          shared (default): one HttpClient for all workers, its idle pool capped
                                         at N connections; per-worker: one HttpClient per worker
                  --executor MODE        direct (default): the HttpClient handles responses on its selector
                                         thread; pool: on the HttpClient's default thread pool
                  --label TEXT           name printed in the result (default: the scenario name)
                  --quiet                no per-interval progress lines
                """;

        String url;
        String baseUrl;
        String scenarioName;
        Path scenarioFile = Path.of("bench", "scenarios.txt");
        boolean list;
        String method = "GET";
        String body;
        String token;
        final List<String> headers = new ArrayList<>();
        final Map<String, String[]> vars = new LinkedHashMap<>();
        final Map<String, AtomicInteger> once = new LinkedHashMap<>();
        Set<Integer> expect = Set.of();
        int connections = 32;
        int durationSeconds = 30;
        int warmupSeconds = 10;
        long maxRequests = MAX_REQUESTS;
        int timeoutSeconds = 10;
        boolean sharedClient = true;
        boolean directExecutor = true;
        String label;
        boolean quiet;
        boolean auth = true;

        static Options parse(String[] args) throws IOException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--list")) {
                    o.list = true;
                    continue;
                }
                if (a.equals("--quiet")) {
                    o.quiet = true;
                    continue;
                }
                if (a.equals("-h") || a.equals("--help")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--url" -> o.url = v;
                    case "--base-url" -> o.baseUrl = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
                    case "--scenario" -> o.scenarioName = v;
                    case "--scenarios" -> o.scenarioFile = Path.of(v);
                    case "--method" -> o.method = v.toUpperCase(Locale.ROOT);
                    case "--body" -> o.body = v;
                    case "--token" -> o.token = v;
                    case "-H", "--header" -> {
                        if (!v.contains(":")) {
                            throw new IllegalArgumentException("header must be 'Name: value': " + v);
                        }
                        o.headers.add(v);
                    }
                    case "--var" -> {
                        String[] kv = nameValue(a, v);
                        o.vars.put(kv[0], new String[] {kv[1]});
                    }
                    case "--expect" -> o.expect = Scenario.statuses(v);
                    case "--var-file", "--var-file-once" -> {
                        String[] kv = nameValue(a, v);
                        String[] lines = Files.readAllLines(Path.of(kv[1]), StandardCharsets.UTF_8).stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toArray(String[]::new);
                        if (lines.length == 0) {
                            throw new IllegalArgumentException(kv[1] + " has no values for {" + kv[0] + "}");
                        }
                        o.vars.put(kv[0], lines);
                        if (a.equals("--var-file-once")) {
                            o.once.put(kv[0], new AtomicInteger());
                        } else {
                            o.once.remove(kv[0]);
                        }
                    }
                    case "--connections" -> o.connections = (int) bounded(a, v, 1, MAX_CONNECTIONS);
                    case "--duration" -> o.durationSeconds = (int) bounded(a, v, 1, MAX_DURATION_SECONDS);
                    case "--warmup" -> o.warmupSeconds = (int) bounded(a, v, 0, MAX_WARMUP_SECONDS);
                    case "--max-requests" -> o.maxRequests = bounded(a, v, 1, MAX_REQUESTS);
                    case "--timeout" -> o.timeoutSeconds = (int) bounded(a, v, 1, 120);
                    case "--client" -> {
                        switch (v) {
                            case "shared" -> o.sharedClient = true;
                            case "per-worker" -> o.sharedClient = false;
                            default -> throw new IllegalArgumentException("--client is per-worker or shared");
                        }
                    }
                    case "--executor" -> {
                        switch (v) {
                            case "direct" -> o.directExecutor = true;
                            case "pool" -> o.directExecutor = false;
                            default -> throw new IllegalArgumentException("--executor is direct or pool");
                        }
                    }
                    case "--label" -> o.label = v;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.list) {
                return o;
            }
            if (o.scenarioName != null) {
                if (o.baseUrl == null) {
                    throw new IllegalArgumentException("--scenario needs --base-url");
                }
                Scenario s = Scenario.load(o.scenarioFile).get(o.scenarioName);
                if (s == null) {
                    throw new IllegalArgumentException("no scenario '" + o.scenarioName + "' in " + o.scenarioFile
                            + "; known: " + Scenario.load(o.scenarioFile).keySet());
                }
                o.url = o.baseUrl + s.path();
                o.method = s.method();
                o.auth = s.auth();
                if (o.expect.isEmpty()) {
                    o.expect = s.expect();
                }
                if (s.body() != null) {
                    o.body = s.body();
                }
                if (o.label == null) {
                    o.label = s.name();
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("give --url, or --base-url and --scenario");
            }
            if (o.label == null) {
                o.label = o.method + " " + o.url;
            }
            return o;
        }

        private static String[] nameValue(String option, String v) {
            int eq = v.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(option + " expects NAME=VALUE, got " + v);
            }
            return new String[] {v.substring(0, eq), v.substring(eq + 1)};
        }

        private static long bounded(String option, String v, long min, long max) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " expects a number, got " + v);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The run

    /** Latencies of one worker, in nanoseconds, in a growing array. */
    static final class Samples {
        long[] values = new long[1 << 14];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    static final class Worker implements Runnable {
        final Options o;
        final HttpClient client;
        final Template url;
        final Template body;
        final long measureFrom;
        final long stopAt;
        final AtomicLong budget;
        final AtomicLongArray perSecond;
        final Samples samples = new Samples();
        final Map<Integer, Long> statuses = new TreeMap<>();
        long errors;
        long exceptions;
        long warmupRequests;
        long bytes;
        long lastCompletion;
        String firstError;

        Worker(Options o, HttpClient client, Template url, Template body, long measureFrom, long stopAt,
                AtomicLong budget, AtomicLongArray perSecond) {
            this.o = o;
            this.client = client;
            this.url = url;
            this.body = body;
            this.measureFrom = measureFrom;
            this.stopAt = stopAt;
            this.budget = budget;
            this.perSecond = perSecond;
        }

        @Override
        public void run() {
            while (true) {
                long start = System.nanoTime();
                if (start >= stopAt) {
                    return;
                }
                boolean measured = start >= measureFrom;
                if (measured && budget.decrementAndGet() < 0) {
                    return;
                }
                HttpRequest request;
                try {
                    request = request();
                } catch (Exhausted e) {
                    return;
                } catch (RuntimeException e) {
                    record(measured, e);
                    return;
                }
                start = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long end = System.nanoTime();
                    int status = response.statusCode();
                    if (!measured) {
                        warmupRequests++;
                        continue;
                    }
                    lastCompletion = end;
                    statuses.merge(status, 1L, Long::sum);
                    long second = (end - measureFrom) / 1_000_000_000L;
                    if (second < perSecond.length()) {
                        perSecond.incrementAndGet((int) second);
                    }
                    if (o.expect.isEmpty() ? status >= 200 && status < 300 : o.expect.contains(status)) {
                        samples.add(end - start);
                        bytes += response.body().length;
                    } else {
                        errors++;
                        if (firstError == null) {
                            firstError = "HTTP " + status + " " + new String(response.body(), StandardCharsets.UTF_8)
                                    .replaceAll("\\s+", " ");
                            if (firstError.length() > 300) {
                                firstError = firstError.substring(0, 300) + "...";
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    record(measured, e);
                    pause();
                }
            }
        }

        private void record(boolean measured, Exception e) {
            if (measured) {
                errors++;
                exceptions++;
                lastCompletion = System.nanoTime();
            }
            if (firstError == null) {
                firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        /** After a failure (server gone, refused), do not spin; a broken server shows as errors, not as a hot loop. */
        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private HttpRequest request() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.fill()))
                    .timeout(Duration.ofSeconds(o.timeoutSeconds))
                    .header("Accept", "application/json");
            if (o.token != null && o.auth) {
                b.header("Authorization", "Bearer " + o.token);
            }
            for (String h : o.headers) {
                int colon = h.indexOf(':');
                b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            }
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(o.method, HttpRequest.BodyPublishers.ofString(body.fill()));
            } else {
                b.method(o.method, HttpRequest.BodyPublishers.noBody());
            }
            return b.build();
        }
    }

    static HttpClient newClient(Options o) {
        HttpClient.Builder b = HttpClient.newBuilder();
        if (o.directExecutor) {
            b.executor(Runnable::run);
        }
        return b.version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Result(
            long requests,
            long errors,
            long exceptions,
            long warmupRequests,
            double seconds,
            long[] sorted,
            Map<Integer, Long> statuses,
            long bytes,
            long[] perSecond,
            String firstError) {

        double rps() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        /** Nearest-rank percentile of the successful requests, in milliseconds. */
        double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double mean() {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            return sum / sorted.length / 1e6;
        }

        void print(Options o) {
            System.out.printf(Locale.ROOT, "%n%s  (%d connections, %s client, %s executor, %d s warm-up, %d s measured)%n",
                    o.label, o.connections, o.sharedClient ? "shared" : "per-worker",
                    o.directExecutor ? "direct" : "pool", o.warmupSeconds,
                    o.durationSeconds);
            System.out.printf(Locale.ROOT, "  requests   %d in %.2f s (%d more in warm-up)%n",
                    requests, seconds, warmupRequests);
            System.out.printf(Locale.ROOT, "  errors     %d (%d exceptions)  statuses %s%n", errors, exceptions,
                    statuses);
            if (firstError != null) {
                System.out.println("  first error: " + firstError);
            }
            System.out.printf(Locale.ROOT, "  throughput %.1f req/s%n", rps());
            System.out.printf(Locale.ROOT,
                    "  latency ms p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f (%s only)%n",
                    percentile(50), percentile(90), percentile(99), percentile(99.9), percentile(100), mean(),
                    o.expect.isEmpty() ? "2xx" : "statuses " + o.expect);
            System.out.printf(Locale.ROOT, "  response   %.0f bytes on average%n",
                    sorted.length == 0 ? 0.0 : (double) bytes / sorted.length);
            long lo = Long.MAX_VALUE;
            long hi = 0;
            int full = (int) Math.floor(seconds);
            for (int i = 0; i < Math.min(full, perSecond.length); i++) {
                lo = Math.min(lo, perSecond[i]);
                hi = Math.max(hi, perSecond[i]);
            }
            if (full > 0) {
                System.out.printf(Locale.ROOT, "  per-second throughput min %d  max %d%n", lo, hi);
            }
            System.out.printf(Locale.ROOT,
                    "RESULT scenario=%s connections=%d client=%s executor=%s warmup_s=%d warmup_requests=%d duration_s=%.2f requests=%d errors=%d "
                            + "rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f mean_ms=%.2f "
                            + "bytes_mean=%.0f statuses=%s%n",
                    o.label.replace(' ', '_'), o.connections, o.sharedClient ? "shared" : "per-worker",
                    o.directExecutor ? "direct" : "pool", o.warmupSeconds, warmupRequests, seconds, requests, errors, rps(), percentile(50), percentile(90),
                    percentile(99), percentile(99.9), percentile(100), mean(),
                    sorted.length == 0 ? 0.0 : (double) bytes / sorted.length,
                    statuses.isEmpty() ? "none" : statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                            .collect(java.util.stream.Collectors.joining(",")));
            // how many values of each --var-file-once variable were sent (warm-up and failures included): its first N lines
            o.once.forEach((name, next) -> System.out.printf(Locale.ROOT, "USED %s=%d%n", name,
                    Math.min(next.get(), o.vars.get(name).length)));
        }
    }

    static Result run(Options o) throws InterruptedException {
        // fails early on a bad URL, without using up --var-file-once values
        URI.create(new Template(o.url, o.vars, true).fill());
        Template url = new Template(o.url, o.vars, o.once, true);
        Template body = o.body == null ? null : new Template(o.body, o.vars, o.once, false);

        if (o.sharedClient && System.getProperty("jdk.httpclient.connectionPoolSize") == null) {
            // read once, when the HttpClient implementation loads: no more idle connections than workers
            System.setProperty("jdk.httpclient.connectionPoolSize", Integer.toString(o.connections));
        }
        HttpClient shared = o.sharedClient ? newClient(o) : null;
        long begin = System.nanoTime();
        long measureFrom = begin + o.warmupSeconds * 1_000_000_000L;
        long stopAt = measureFrom + o.durationSeconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(o.maxRequests);
        AtomicLongArray perSecond = new AtomicLongArray(o.durationSeconds + 1);

        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < o.connections; i++) {
            Worker w = new Worker(o, shared != null ? shared : newClient(o), url, body, measureFrom, stopAt, budget,
                    perSecond);
            workers.add(w);
            Thread t = Thread.ofPlatform().name("load-" + i).daemon().unstarted(w);
            threads.add(t);
        }
        System.out.printf(Locale.ROOT, "%s %s  connections=%d warm-up=%ds duration=%ds max-requests=%s%n",
                o.method, o.url, o.connections, o.warmupSeconds, o.durationSeconds,
                o.maxRequests == MAX_REQUESTS ? "none" : Long.toString(o.maxRequests));
        threads.forEach(Thread::start);

        // progress, every 5 s of the measured window
        if (!o.quiet) {
            long next = measureFrom + 5_000_000_000L;
            int reported = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                long now = System.nanoTime();
                if (now >= next && next <= stopAt) {
                    int upTo = (int) ((next - measureFrom) / 1_000_000_000L);
                    long n = 0;
                    for (int s = reported; s < upTo && s < perSecond.length(); s++) {
                        n += perSecond.get(s);
                    }
                    System.out.printf(Locale.ROOT, "  t=%3ds  %.1f req/s%n", upTo, n / (double) (upTo - reported));
                    reported = upTo;
                    next += 5_000_000_000L;
                }
                Thread.sleep(100);
            }
        }
        for (Thread t : threads) {
            t.join();
        }

        long total = 0;
        long errors = 0;
        long exceptions = 0;
        long warmup = 0;
        long bytes = 0;
        long last = measureFrom;
        Map<Integer, Long> statuses = new TreeMap<>();
        String firstError = null;
        for (Worker w : workers) {
            total += w.samples.size;
            errors += w.errors;
            exceptions += w.exceptions;
            warmup += w.warmupRequests;
            bytes += w.bytes;
            last = Math.max(last, w.lastCompletion);
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.samples.values, 0, all, at, w.samples.size);
            at += w.samples.size;
        }
        Arrays.sort(all);
        long[] seconds = new long[perSecond.length()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = perSecond.get(i);
        }
        double elapsed = (last - measureFrom) / 1e9;
        if (shared != null) {
            shared.close();
        } else {
            workers.forEach(w -> w.client.close());
        }
        return new Result(total + errors, errors, exceptions, warmup, elapsed, all, statuses, bytes, seconds,
                firstError);
    }
}
