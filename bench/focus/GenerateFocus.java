import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Writes a FOCUS 1.2 cost-and-usage CSV of N rows for the import benchmark: the 1.2 column set (mandatory,
 * recommended and the conditional columns a cloud bill usually carries, plus x_ columns), three providers with their
 * services, a handful of billing and sub-accounts, JSON tags, hourly usage rows spread over one calendar year, some
 * credits, taxes and purchases. Values are realistic in form: RFC 3339 timestamps, plain decimals with up to ten
 * places. Every row is distinct; rows come in time order, as bills list them. Seeded, so the same N gives the same file.
 *
 * <p>Usage: java GenerateFocus.java ROWS OUTPUT.csv [YEAR [--shuffled]]
 */
public class GenerateFocus {

    static final String[] COLUMNS = {
        "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType", "BillingCurrency",
        "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
        "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId", "CommitmentDiscountName",
        "CommitmentDiscountStatus", "CommitmentDiscountType", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
        "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
        "PricingCurrency", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName",
        "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId",
        "SkuMeter", "SkuPriceId", "SubAccountId", "SubAccountName", "SubAccountType", "Tags", "x_Discounts", "x_Operation"
    };

    record Service(String provider, String name, String category, String subcategory, String unit, String resourceType, double price) {}

    static final Service[] SERVICES = {
        new Service("AWS", "Amazon Elastic Compute Cloud", "Compute", "Virtual Machines", "Hours", "Instance", 0.0832),
        new Service("AWS", "Amazon Simple Storage Service", "Storage", "Object Storage", "GB-Mo", "Bucket", 0.023),
        new Service("AWS", "Amazon Relational Database Service", "Databases", "Relational Databases", "Hours", "DBInstance", 0.171),
        new Service("AWS", "AWS Lambda", "Compute", "Serverless Compute", "Requests", "Function", 0.0000002),
        new Service("Microsoft", "Virtual Machines", "Compute", "Virtual Machines", "1 Hour", "Virtual machine", 0.096),
        new Service("Microsoft", "Azure SQL Database", "Databases", "Relational Databases", "1 Hour", "SQL database", 0.2516),
        new Service("Microsoft", "Storage", "Storage", "Object Storage", "1 GB/Month", "Storage account", 0.0184),
        new Service("Google Cloud", "Compute Engine", "Compute", "Virtual Machines", "hour", "Instance", 0.0475),
        new Service("Google Cloud", "BigQuery", "Analytics", "Data Processing", "tebibyte", "Dataset", 6.25),
        new Service("Google Cloud", "Cloud Storage", "Storage", "Object Storage", "gibibyte month", "Bucket", 0.02)
    };

    static final String[][] SUB_ACCOUNTS = {
        {"111122223333", "web-production"}, {"222233334444", "web-staging"}, {"333344445555", "payments-production"},
        {"444455556666", "data-platform"}, {"555566667777", "sandbox"}
    };
    static final String[] TEAMS = {"web", "payments", "data", "platform", "marketing"};
    static final String[] ENVS = {"production", "staging", "development"};
    static final String[] REGIONS = {"us-east-1", "eu-central-1", "westeurope", "europe-west3"};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateFocus.java ROWS OUTPUT.csv [YEAR]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        int year = args.length > 2 ? Integer.parseInt(args[2]) : 2026;
        // --shuffled: charges in random time order, the worst case for the duplicate index.
        boolean shuffled = args.length > 3 && args[3].equals("--shuffled");
        Random random = new Random(42);
        long start = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            w.write(String.join(",", COLUMNS));
            w.write("\r\n");
            Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            long hoursInYear = 365L * 24;
            StringBuilder line = new StringBuilder(1024);
            for (long i = 0; i < rows; i++) {
                Service s = SERVICES[random.nextInt(SERVICES.length)];
                String[] sub = SUB_ACCOUNTS[random.nextInt(SUB_ACCOUNTS.length)];
                // Bills list their charges hour by hour, many resources each hour.
                Instant chargeStart = yearStart.plusSeconds(3600 * (shuffled ? i * 7919 % hoursInYear : i * hoursInYear / rows));
                Instant chargeEnd = chargeStart.plusSeconds(3600);
                LocalDate day = LocalDate.ofInstant(chargeStart, ZoneOffset.UTC);
                LocalDate periodStart = day.withDayOfMonth(1);
                LocalDate periodEnd = periodStart.plusMonths(1);
                int kind = random.nextInt(100);
                String category = kind < 94 ? "Usage" : kind < 97 ? "Tax" : kind < 99 ? "Credit" : "Purchase";
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(64)).add(BigDecimal.valueOf(random.nextInt(1000), 3));
                BigDecimal listUnit = BigDecimal.valueOf(s.price());
                BigDecimal list = quantity.multiply(listUnit).setScale(10, RoundingMode.HALF_EVEN);
                BigDecimal discount = BigDecimal.valueOf(70 + random.nextInt(31), 2);
                BigDecimal effective = list.multiply(discount).setScale(10, RoundingMode.HALF_EVEN);
                BigDecimal billed = effective;
                if (category.equals("Credit")) {
                    billed = billed.negate();
                    effective = effective.negate();
                } else if (category.equals("Tax")) {
                    billed = billed.multiply(new BigDecimal("0.19")).setScale(10, RoundingMode.HALF_EVEN);
                    effective = billed;
                    list = billed;
                }
                String team = TEAMS[random.nextInt(TEAMS.length)];
                String env = ENVS[random.nextInt(ENVS.length)];
                String region = REGIONS[random.nextInt(REGIONS.length)];
                String resource = s.provider().equals("AWS")
                        ? "arn:aws:" + s.resourceType().toLowerCase() + ":" + region + ":" + sub[0] + ":" + Long.toHexString(i)
                        : "/subscriptions/" + sub[0] + "/resourceGroups/" + team + "/providers/" + s.resourceType().replace(' ', '-') + "/r" + Long.toHexString(i);
                String tags = "\"{\"\"team\"\":\"\"" + team + "\"\",\"\"env\"\":\"\"" + env + "\"\",\"\"cost-center\"\":\"\"CC-" + (100 + random.nextInt(9)) + "\"\"}\"";
                line.setLength(0);
                add(line, region + "a");
                add(line, billed.toPlainString());
                add(line, "BA-" + s.provider().charAt(0) + "-0001");
                add(line, s.provider() + " billing account");
                add(line, "Enterprise");
                add(line, "USD");
                add(line, periodEnd + "T00:00:00Z");
                add(line, periodStart + "T00:00:00Z");
                add(line, category);
                add(line, "");
                add(line, "\"" + s.name() + " " + s.unit() + " in " + region + "\"");
                add(line, category.equals("Purchase") ? "One-Time" : "Usage-Based");
                add(line, chargeEnd.toString());
                add(line, chargeStart.toString());
                add(line, "NULL");
                add(line, "NULL");
                add(line, "NULL");
                add(line, "NULL");
                add(line, "NULL");
                add(line, quantity.toPlainString());
                add(line, s.unit());
                add(line, effective.toPlainString());
                add(line, listUnit.multiply(discount).setScale(10, RoundingMode.HALF_EVEN).toPlainString());
                add(line, effective.toPlainString());
                add(line, "INV-" + year + "-" + periodStart.getMonthValue());
                add(line, s.provider());
                add(line, list.toPlainString());
                add(line, listUnit.toPlainString());
                add(line, "Standard");
                add(line, "USD");
                add(line, quantity.toPlainString());
                add(line, s.unit());
                add(line, s.provider());
                add(line, s.provider());
                add(line, region);
                add(line, region);
                add(line, resource);
                add(line, team + "-" + s.resourceType().toLowerCase().replace(' ', '-') + "-" + (i % 997));
                add(line, s.resourceType());
                add(line, s.category());
                add(line, s.name());
                add(line, s.subcategory());
                add(line, "SKU-" + Math.abs(s.name().hashCode() % 100000));
                add(line, s.unit());
                add(line, "PRICE-" + Math.abs((s.name() + region).hashCode() % 1000000));
                add(line, sub[0]);
                add(line, sub[1]);
                add(line, "Account");
                add(line, tags);
                add(line, "0");
                line.append("RunInstances");
                line.append("\r\n");
                w.append(line);
            }
        }
        System.out.printf("wrote %,d rows (%,d bytes) to %s in %.1f s%n", rows, Files.size(out), out, (System.nanoTime() - start) / 1e9);
    }

    private static void add(StringBuilder line, String value) {
        line.append(value).append(',');
    }
}
