import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Loads a real purchase log (one row per invoice, as ../shared/data/online-retail-invoices.csv.gz: customer_id,
 * invoice_no, invoiced_at, amount, country, lines, cancelled) into a running advisor through its public batch API, as a
 * CRM would: one customer per customer_id, one WON deal per invoice that is not a cancellation.
 *
 *   customer  externalId RETAIL-<customer_id>, name "Customer <customer_id> (<country>)", segment (--segment, default
 *             SMB), status ACTIVE, createdAt = the customer's first invoice that is not a cancellation
 *   deal      externalId <invoice_no>, status WON, amount <amount>, currency GBP, openedAt = closedAt = <invoiced_at>
 *   skipped   cancellations (invoice_no starting with C, cancelled=true): a cancellation is not an order; customers
 *             with nothing but cancellations; both are counted in the summary
 *
 * Run with the JDK's source launcher (no build needed):
 *   java bench/load/PurchaseLogLoader.java --data FILE(.csv or .csv.gz) --url http://127.0.0.1:18080 [--segment SMB]
 *        [--batch 2000] [--dry-run]
 * --dry-run prints the batches it would send (one JSON array per line: customers first, then deals) and sends nothing.
 * The CRM's API key comes from the environment variable RETENTION_API_KEY. Exits 1 when an item is rejected or a
 * batch fails, 2 on wrong usage.
 */
public final class PurchaseLogLoader {

    private static final Pattern ROW = Pattern.compile(
            "(\\d+),(C?\\d+[A-Z]?),(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z),(-?\\d+(?:\\.\\d+)?),([^,]*),(\\d+),(true|false)");
    private static final Pattern REJECTED = Pattern.compile("\"REJECTED\"\\s*:\\s*(\\d+)");

    record Invoice(String customerId, String invoiceNo, Instant invoicedAt, BigDecimal amount, String country, boolean cancelled) {
    }

    record Customer(String customerId, String country, Instant firstOrder) {
    }

    /** What a log becomes: the customers and orders to send, and what was left out. */
    record Mapped(List<Customer> customers, List<Invoice> orders, int cancellations, int customersWithoutOrders) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options == null || !options.containsKey("data") || (!options.containsKey("url") && !options.containsKey("dry-run"))) {
            System.err.println("usage: java bench/load/PurchaseLogLoader.java --data FILE --url URL [--segment SMB] [--batch 2000] [--dry-run]");
            System.exit(2);
        }
        Path data = Path.of(options.get("data"));
        String segment = options.getOrDefault("segment", "SMB");
        int batch = Integer.parseInt(options.getOrDefault("batch", "2000"));
        long started = System.nanoTime();
        Mapped mapped = map(read(data));
        List<String> customerBatches = batches(mapped.customers().stream().map(c -> customerJson(c, segment)).toList(), batch);
        List<String> dealBatches = batches(mapped.orders().stream().map(PurchaseLogLoader::dealJson).toList(), batch);
        if (options.containsKey("dry-run")) {
            customerBatches.forEach(System.out::println);
            dealBatches.forEach(System.out::println);
            return;
        }
        String key = System.getenv("RETENTION_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("RETENTION_API_KEY is not set: the loader sends a CRM's API key");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String url = options.get("url").replaceAll("/+$", "");
        send(http, url + "/api/customers/batch", key, customerBatches, "customers");
        send(http, url + "/api/deals/batch", key, dealBatches, "deals");
        System.err.printf("loaded %d customers and %d orders from %s in %.1f s; left out: %d cancellations, %d customers with"
                + " nothing but cancellations%n", mapped.customers().size(), mapped.orders().size(), data,
                (System.nanoTime() - started) / 1e9, mapped.cancellations(), mapped.customersWithoutOrders());
    }

    static List<Invoice> read(Path data) throws IOException {
        List<Invoice> invoices = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(data);
                InputStream in = data.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.equals("customer_id,invoice_no,invoiced_at,amount,country,lines,cancelled")) {
                throw new IOException(data + ": the header is not customer_id,invoice_no,invoiced_at,amount,country,lines,cancelled");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                Matcher row = ROW.matcher(line);
                if (!row.matches()) {
                    throw new IOException(data + ":" + number + ": not an invoice row: " + line);
                }
                invoices.add(new Invoice(row.group(1), row.group(2), Instant.parse(row.group(3)), new BigDecimal(row.group(4)),
                        row.group(5), Boolean.parseBoolean(row.group(7))));
            }
        }
        return invoices;
    }

    static Mapped map(List<Invoice> invoices) {
        Map<String, Customer> customers = new LinkedHashMap<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<Invoice> orders = new ArrayList<>();
        int cancellations = 0;
        for (Invoice invoice : invoices) {
            seen.put(invoice.customerId(), true);
            if (invoice.cancelled()) {
                cancellations++;
                continue;
            }
            orders.add(invoice);
            customers.merge(invoice.customerId(), new Customer(invoice.customerId(), invoice.country(), invoice.invoicedAt()),
                    (first, later) -> later.firstOrder().isBefore(first.firstOrder()) ? later : first);
        }
        return new Mapped(List.copyOf(customers.values()), orders, cancellations, seen.size() - customers.size());
    }

    static String customerJson(Customer customer, String segment) {
        return "{\"externalId\":\"RETAIL-" + customer.customerId() + "\",\"name\":\"Customer " + customer.customerId()
                + " (" + json(customer.country()) + ")\",\"segment\":\"" + json(segment) + "\",\"createdAt\":\""
                + customer.firstOrder() + "\",\"status\":\"ACTIVE\"}";
    }

    static String dealJson(Invoice order) {
        return "{\"externalId\":\"" + order.invoiceNo() + "\",\"customerExternalId\":\"RETAIL-" + order.customerId()
                + "\",\"amount\":" + order.amount().toPlainString() + ",\"currency\":\"GBP\",\"status\":\"WON\",\"openedAt\":\""
                + order.invoicedAt() + "\",\"closedAt\":\"" + order.invoicedAt() + "\"}";
    }

    private static List<String> batches(List<String> items, int size) {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add("[" + String.join(",", items.subList(from, Math.min(items.size(), from + size))) + "]");
        }
        return batches;
    }

    private static void send(HttpClient http, String url, String key, List<String> batches, String what) throws Exception {
        int sent = 0;
        for (String body : batches) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher rejected = REJECTED.matcher(response.body());
            if (response.statusCode() != 200 || !rejected.find() || !rejected.group(1).equals("0")) {
                System.err.println(what + " batch " + (sent + 1) + " answered " + response.statusCode() + ": " + response.body());
                System.exit(1);
            }
            sent++;
            System.err.printf("%s: batch %d of %d stored%n", what, sent, batches.size());
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            String name = args[i].substring(2);
            if (name.equals("dry-run")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                return null;
            }
        }
        return options;
    }
}
