/*
 * OpenCIO benchmark data generator: creates departments and members of one organization through the public API,
 * the way an administrator and the invited people would (invite, then accept the invitation).
 *
 *   java bench/Seeder.java --base-url http://127.0.0.1:18080 --token <api token> --slug bench \
 *        --members 300 --departments 12 --parallel 4 --out-dir bench/results/ids
 *
 * Deterministic: the same options create the same names, emails, roles and departments. Each accepted invitation
 * hashes a password (bcrypt) on the server, so keep --parallel modest. Writes department-ids.txt and member-ids.txt
 * (one id a line) into --out-dir, for scenarios with {departmentId} or {memberId}.
 */
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Seeder {

    static final int MAX_MEMBERS = 20_000;

    static final String[] FIRST = {
        "Ada", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta",
        "Nils", "Olga", "Pablo", "Qiu", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoltán"
    };
    static final String[] LAST = {
        "Andersen", "Becker", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Lehmann", "Moreau", "Nowak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
        "Urban", "Vogel", "Weber", "Xu", "Yilmaz", "Zimmermann"
    };
    static final String[] DEPARTMENTS = {
        "Finance", "Human Resources", "Sales", "Marketing", "Operations", "Legal", "Procurement", "Engineering",
        "Customer Service", "Logistics", "Research", "Facilities", "Quality", "Security", "Data", "Manufacturing"
    };
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern ACCEPT_URL = Pattern.compile("\"acceptUrl\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    final String baseUrl;
    final String token;
    final String slug;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Seeder(String baseUrl, String token, String slug) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.slug = slug;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = null;
        String token = null;
        String slug = null;
        int members = 300;
        int departments = 12;
        int parallel = 4;
        Path outDir = null;
        long seed = 42;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--base-url" -> baseUrl = v;
                    case "--token" -> token = v;
                    case "--slug" -> slug = v;
                    case "--members" -> members = bounded(a, v, 0, MAX_MEMBERS);
                    case "--departments" -> departments = bounded(a, v, 0, 500);
                    case "--parallel" -> parallel = bounded(a, v, 1, 16);
                    case "--out-dir" -> outDir = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (baseUrl == null || token == null || slug == null) {
                throw new IllegalArgumentException("--base-url, --token and --slug are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Seeder: " + e.getMessage());
            System.err.println("Usage: java bench/Seeder.java --base-url URL --token T --slug S [--members 300] "
                    + "[--departments 12] [--parallel 4] [--out-dir DIR] [--seed 42]");
            System.exit(2);
        }
        new Seeder(baseUrl, token, slug).seed(members, departments, parallel, outDir, seed);
    }

    void seed(int members, int departmentCount, int parallel, Path outDir, long seed) throws Exception {
        long t0 = System.nanoTime();
        List<String> departmentIds = new ArrayList<>();
        for (int i = 0; i < departmentCount; i++) {
            String name = DEPARTMENTS[i % DEPARTMENTS.length] + (i < DEPARTMENTS.length ? "" : " " + (i / DEPARTMENTS.length + 1));
            String body = String.format(Locale.ROOT, "{\"code\":\"D%03d\",\"name\":\"%s\",\"costCentre\":\"CC-%04d\"}",
                    i + 1, name, 1000 + i * 10);
            String response = send("POST", "/api/v1/orgs/" + slug + "/departments", body, token, 201);
            departmentIds.add(first(ID, response, "department id"));
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "seeded %d departments in %.1f s%n", departmentCount, (t1 - t0) / 1e9);

        Random random = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            int r = random.nextInt(100);
            String role = r < 78 ? "EMPLOYEE" : r < 90 ? "IT_STAFF" : r < 95 ? "IT_MANAGER" : r < 98 ? "EXECUTIVE" : "AUDITOR";
            String department = departmentIds.isEmpty() || random.nextInt(10) == 0
                    ? null
                    : departmentIds.get(random.nextInt(departmentIds.size()));
            int limit = role.equals("EMPLOYEE") ? 0 : (1 + random.nextInt(50)) * 1000;
            String email = ascii(first + "." + last).toLowerCase(Locale.ROOT) + "." + (i + 1) + "@bench.example";
            people.add(new Person(email, first + " " + last, role, department, limit));
        }

        AtomicInteger done = new AtomicInteger();
        int total = members;
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Person p : people) {
                futures.add(pool.submit(() -> {
                    add(p);
                    int n = done.incrementAndGet();
                    if (n % 100 == 0 || n == total) {
                        System.out.printf(Locale.ROOT, "  %d/%d members%n", n, total);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "seeded %d members in %.1f s (%.1f members/s, %d in parallel)%n", members,
                (t2 - t1) / 1e9, members / Math.max(1e-9, (t2 - t1) / 1e9), parallel);

        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("department-ids.txt"), departmentIds, StandardCharsets.UTF_8);
            List<String> memberIds = memberIds();
            Files.write(outDir.resolve("member-ids.txt"), memberIds, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "wrote %d department ids and %d member ids to %s%n", departmentIds.size(),
                    memberIds.size(), outDir);
        }
        System.out.printf(Locale.ROOT, "SEED departments=%d members=%d seconds=%.1f%n", departmentCount, members,
                (t2 - t0) / 1e9);
    }

    record Person(String email, String name, String role, String departmentId, int approvalLimit) {}

    void add(Person p) throws IOException, InterruptedException {
        String invite = String.format(Locale.ROOT, "{\"email\":\"%s\",\"role\":\"%s\"%s%s}", p.email(), p.role(),
                p.departmentId() == null ? "" : ",\"departmentId\":\"" + p.departmentId() + "\"",
                p.approvalLimit() == 0 ? "" : ",\"approvalLimit\":" + p.approvalLimit());
        String sent = send("POST", "/api/v1/orgs/" + slug + "/invitations", invite, token, 201);
        String url = first(ACCEPT_URL, sent, "acceptUrl (is a mail server configured? then no link is returned)");
        String invitationToken = url.substring(url.lastIndexOf('/') + 1);
        String accept = String.format(Locale.ROOT, "{\"token\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\"}",
                invitationToken, p.name(), "bench-member-password");
        send("POST", "/api/v1/invitations/accept", accept, null, 200);
    }

    /** Every member id of the organization, paging through the API. */
    List<String> memberIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/orgs/" + slug + "/members?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            String page = send("GET", path, null, token, 200);
            // each item starts with its own id; accountId and departmentId have other names
            Matcher m = ID.matcher(page);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher next = NEXT.matcher(page);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return ids;
    }

    String send(String method, String path, String body, String bearer, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + " (expected "
                    + expected + "): " + r.body());
        }
        return r.body();
    }

    static String first(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + text);
        }
        return m.group(1);
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static int bounded(String option, String v, int min, int max) {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
        }
        return n;
    }
}
