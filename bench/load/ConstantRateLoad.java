import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Open-loop, constant-rate HTTP GET load for a service on this machine (loopback only), in the manner of wrk2: request
 * i is due at start + i / rate whatever happened to the ones before, and its latency is measured from that intended
 * send time, so a stalled server is not hidden by a client that waits for it (no coordinated omission). The requests
 * go round-robin over a URL template with one number in it (the customer). A warm-up that steps up to the rate comes
 * first and is not recorded. Everything is bounded: each request times out, and the run ends at most a timeout after
 * its last request was due.
 *
 * Run with the JDK's source launcher (no build needed): java bench/load/ConstantRateLoad.java --url URL [options]
 *   --url TEMPLATE     e.g. http://127.0.0.1:18080/api/customers/DEMO-C%04d/advice  (loopback hosts only)
 *   --customers N      the template's number runs 1..N round-robin (default 300)
 *   --rate R           requests per second (default 300)
 *   --duration S       measured seconds (default 60)
 *   --warmup S         unrecorded seconds first, stepping up to the rate in five equal steps (default 15)
 *   --timeout S        per-request timeout (default 10)
 *   --cpu NAME=PID     also report the CPU time PID and its descendants used during the measured phase (repeatable)
 *   --target-p50-ms X, --target-p99-ms Y   print whether the latency targets are met
 *   --version-field F  read each answer's body and count the answers by the value of the JSON string field F
 *                      (e.g. rulesetVersion); without it bodies are discarded unread
 * The API key of the environment variable RETENTION_API_KEY (a CRM's key; bench/service.sh sets it) goes with every
 * request as "Authorization: Bearer <key>".
 */
public final class ConstantRateLoad {

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = parse(args);
        String template = one(options, "url", null);
        int customers = Integer.parseInt(one(options, "customers", "300"));
        int rate = Integer.parseInt(one(options, "rate", "300"));
        int duration = Integer.parseInt(one(options, "duration", "60"));
        int warmup = Integer.parseInt(one(options, "warmup", "15"));
        int timeout = Integer.parseInt(one(options, "timeout", "10"));
        String versionField = one(options, "version-field", null);
        Pattern versionPattern = versionField == null ? null
                : Pattern.compile("\"" + Pattern.quote(versionField) + "\"\\s*:\\s*\"([^\"]*)\"");
        if (template == null || rate <= 0 || duration <= 0 || customers <= 0) {
            throw new IllegalArgumentException("usage: --url TEMPLATE [--customers N] [--rate R] [--duration S] [--warmup S] ...");
        }
        URI first = URI.create(String.format(Locale.ROOT, template, 1));
        for (InetAddress address : InetAddress.getAllByName(first.getHost())) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to load " + first.getHost() + " (" + address.getHostAddress()
                        + "): only loopback addresses may be targeted");
            }
        }
        String apiKey = System.getenv("RETENTION_API_KEY");
        List<HttpRequest> requests = new ArrayList<>();
        for (int c = 1; c <= customers; c++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, template, c)))
                    .timeout(Duration.ofSeconds(timeout)).GET();
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            requests.add(request.build());
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        System.out.printf(Locale.ROOT, "load: GET %s, customers 1..%d round-robin, %d req/s, warm-up %d s, measured %d s%n",
                template, customers, rate, warmup, duration);
        // Warm-up in five steps of a fifth of the time, at 20, 40, 60, 80 and 100% of the rate: a cold JVM hit at the
        // full rate at once falls behind, its queue outlives the warm-up and would be measured as the service's latency.
        for (int step = 1; step <= 5 && warmup > 0; step++) {
            int stepRate = Math.max(1, rate * step / 5);
            int stepSeconds = Math.max(1, warmup / 5);
            Phase w = Phase.run(client, requests, stepRate, stepSeconds, timeout, versionPattern);
            System.out.printf(Locale.ROOT, "warm-up %d/5: %d req/s for %d s, %d not 2xx, median %.2f ms, p99 %.2f ms (not counted)%n",
                    step, stepRate, stepSeconds, w.failures(), w.percentileMs(w.latency, 50), w.percentileMs(w.latency, 99));
        }
        Map<String, Long> cpuPids = new LinkedHashMap<>();
        for (String spec : options.getOrDefault("cpu", List.of())) {
            String[] kv = spec.split("=", 2);
            cpuPids.put(kv[0], Long.parseLong(kv[1]));
        }
        Map<String, Long> cpuBefore = new LinkedHashMap<>();
        cpuPids.forEach((name, pid) -> cpuBefore.put(name, ProcCpu.ticksOfTree(pid, cpuPids.values())));
        long[] machineBefore = ProcCpu.machine();
        long selfBefore = selfCpuNanos();

        Phase m = Phase.run(client, requests, rate, duration, timeout, versionPattern);

        long selfNanos = selfCpuNanos() - selfBefore;
        long[] machineAfter = ProcCpu.machine();
        m.report(rate, duration);
        if (versionPattern != null) {
            m.reportVersions(versionField);
        }

        // Where the CPU went during the measured phase, in cores (of nproc) and in ms per request.
        double seconds = m.sendSpanNanos() / 1e9;
        double ticksPerSecond = ProcCpu.CLOCK_TICKS;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder cpu = new StringBuilder();
        double oursCores = selfNanos / 1e9 / seconds;
        cpu.append(String.format(Locale.ROOT, "load driver %.2f cores (%.2f ms/request)", oursCores, selfNanos / 1e6 / m.n));
        for (Map.Entry<String, Long> e : cpuPids.entrySet()) {
            double used = (ProcCpu.ticksOfTree(e.getValue(), cpuPids.values()) - cpuBefore.get(e.getKey())) / ticksPerSecond;
            oursCores += used / seconds;
            cpu.append(String.format(Locale.ROOT, ", %s %.2f cores (%.2f ms/request)", e.getKey(), used / seconds, used * 1e3 / m.n));
        }
        if (machineBefore != null && machineAfter != null) {
            double busy = (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]) * cores;
            cpu.append(String.format(Locale.ROOT, "; whole machine %.2f of %d cores busy, of which other processes ~%.2f",
                    busy, cores, Math.max(0, busy - oursCores)));
        }
        System.out.println("cpu during the measured phase: " + cpu);

        Double p50Target = options.containsKey("target-p50-ms") ? Double.valueOf(one(options, "target-p50-ms", null)) : null;
        Double p99Target = options.containsKey("target-p99-ms") ? Double.valueOf(one(options, "target-p99-ms", null)) : null;
        if (p50Target != null || p99Target != null) {
            double p50 = m.percentileMs(m.latency, 50);
            double p99 = m.percentileMs(m.latency, 99);
            System.out.printf(Locale.ROOT, "targets: median %.2f ms <= %s ms: %s; p99 %.2f ms <= %s ms: %s; errors %d: %s%n",
                    p50, p50Target, p50Target == null ? "-" : (p50 <= p50Target ? "met" : "NOT met"),
                    p99, p99Target, p99Target == null ? "-" : (p99 <= p99Target ? "met" : "NOT met"),
                    m.failures(), m.failures() == 0 ? "none" : "NOT met");
        }
        System.exit(0); // the client's threads are not daemons
    }

    /** One run at a constant rate: per request, latency from the intended send time and from the actual send. */
    static final class Phase {
        final int n;
        final long start;
        final long[] latency;      // completion - intended send time (what a user waiting since the due time sees)
        final long[] service;      // completion - actual send time (what a closed-loop client would report)
        final long[] lag;          // actual send - intended send time (the driver falling behind)
        final int[] status;        // HTTP status, 0 for a transport error or timeout
        final String[] versions;   // the answer's version field, when asked for (--version-field)
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final AtomicLong lastCompletion = new AtomicLong();
        long lastSend;
        int unfinished;

        private Phase(int n, long start) {
            this.n = n;
            this.start = start;
            latency = new long[n];
            service = new long[n];
            lag = new long[n];
            status = new int[n];
            versions = new String[n];
        }

        static Phase run(HttpClient client, List<HttpRequest> requests, int rate, int seconds, int timeout,
                Pattern versionPattern) throws InterruptedException {
            HttpResponse.BodyHandler<?> bodies = versionPattern == null
                    ? HttpResponse.BodyHandlers.discarding() : HttpResponse.BodyHandlers.ofString();
            int n = rate * seconds;
            double period = 1e9 / rate;
            Phase phase = new Phase(n, System.nanoTime() + 20_000_000L);
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                long intended = phase.start + Math.round(i * period);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sent = System.nanoTime();
                phase.lag[i] = sent - intended;
                final int index = i;
                client.sendAsync(requests.get(i % requests.size()), bodies)
                        .whenComplete((response, error) -> {
                            long end = System.nanoTime();
                            phase.latency[index] = end - intended;
                            phase.service[index] = end - sent;
                            if (response != null) {
                                phase.status[index] = response.statusCode();
                                if (versionPattern != null && response.body() instanceof String body) {
                                    Matcher matcher = versionPattern.matcher(body);
                                    phase.versions[index] = matcher.find() ? matcher.group(1) : "(none)";
                                }
                            } else {
                                Throwable cause = error.getCause() != null ? error.getCause() : error;
                                phase.errors.computeIfAbsent(cause.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                            }
                            phase.lastCompletion.accumulateAndGet(end, Math::max);
                            done.countDown();
                        });
            }
            phase.lastSend = System.nanoTime();
            if (!done.await(timeout + 5L, TimeUnit.SECONDS)) {
                // Still unanswered: counted as errors, with the time waited so far as their latency (a lower bound).
                phase.unfinished = (int) done.getCount();
                long now = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (phase.status[i] == 0 && phase.latency[i] == 0) {
                        phase.latency[i] = now - (phase.start + Math.round(i * period));
                    }
                }
            }
            return phase;
        }

        long sendSpanNanos() {
            return Math.max(lastSend, lastCompletion.get()) - start;
        }

        /** Requests not answered 2xx: other statuses, transport errors, time-outs and any still unanswered. */
        int failures() {
            int failures = 0;
            for (int s : status) {
                if (s < 200 || s > 299) {
                    failures++;
                }
            }
            return failures;
        }

        double percentileMs(long[] values, double p) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        /**
         * Answers by version, each with the span of intended send times it was seen in, and how often the version
         * changed from one request to the next in send order (a swap seen by requests in flight shows as a few).
         */
        void reportVersions(String field) {
            Map<String, long[]> byVersion = new LinkedHashMap<>(); // version -> {count, first index, last index}
            int changes = 0;
            String previous = null;
            for (int i = 0; i < n; i++) {
                String version = versions[i];
                if (version == null) {
                    continue;
                }
                final int index = i;
                byVersion.computeIfAbsent(version, v -> new long[] {0, index, index});
                long[] seen = byVersion.get(version);
                seen[0]++;
                seen[2] = i;
                if (previous != null && !previous.equals(version)) {
                    changes++;
                }
                previous = version;
            }
            double period = (double) (lastSend - start) / Math.max(1, n - 1) / 1e9;
            StringBuilder out = new StringBuilder();
            byVersion.forEach((version, seen) -> out.append(String.format(Locale.ROOT, "%s%s %d (sent %.1f-%.1f s)",
                    out.length() == 0 ? "" : ", ", version, seen[0], seen[1] * period, seen[2] * period)));
            System.out.printf(Locale.ROOT, "answers by %s: %s; changes of version in send order: %d%n", field,
                    byVersion.isEmpty() ? "none read" : out, changes);
        }

        void report(int rate, int seconds) {
            Map<Integer, Integer> byStatus = new TreeMap<>();
            int ok = 0;
            for (int s : status) {
                byStatus.merge(s, 1, Integer::sum);
                if (s >= 200 && s <= 299) {
                    ok++;
                }
            }
            double sendSeconds = (lastSend - start) / 1e9;
            double allSeconds = (lastCompletion.get() - start) / 1e9;
            System.out.printf(Locale.ROOT, "requests: %d sent in %.2f s (offered %.1f req/s, target %d req/s)%n",
                    n, sendSeconds, n > 1 ? (n - 1) / sendSeconds : n, rate);
            System.out.printf(Locale.ROOT, "throughput: %d answered 2xx by %.2f s after the first was due: %.1f req/s%n",
                    ok, allSeconds, ok / allSeconds);
            System.out.printf(Locale.ROOT, "errors: %d (status counts %s%s%s)%n", failures(), byStatus,
                    errors.isEmpty() ? "" : ", transport " + errors,
                    unfinished == 0 ? "" : ", unfinished " + unfinished);
            System.out.printf(Locale.ROOT, "latency ms from the intended send time: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    percentileMs(latency, 50), percentileMs(latency, 90), percentileMs(latency, 99),
                    percentileMs(latency, 99.9), percentileMs(latency, 100));
            System.out.printf(Locale.ROOT, "latency ms from the actual send (uncorrected): p50 %.2f  p99 %.2f  max %.2f;"
                            + " driver send lag p99 %.2f ms, max %.2f ms%n",
                    percentileMs(service, 50), percentileMs(service, 99), percentileMs(service, 100),
                    percentileMs(lag, 99), percentileMs(lag, 100));
            // By 10-second window of intended send time: shows whether the tail is spread out or one stall.
            StringBuilder windows = new StringBuilder();
            int perWindow = rate * 10;
            for (int from = 0; from < n; from += perWindow) {
                long[] slice = Arrays.copyOfRange(latency, from, Math.min(n, from + perWindow));
                windows.append(String.format(Locale.ROOT, "%s%d-%ds p50 %.1f p99 %.1f max %.1f", from == 0 ? "" : " | ",
                        from / rate, Math.min(n, from + perWindow) / rate, percentileMs(slice, 50), percentileMs(slice, 99),
                        percentileMs(slice, 100)));
            }
            System.out.println("latency ms by 10 s window: " + windows);
        }
    }

    /** CPU time from /proc (Linux): a process tree's, and the whole machine's busy and total time. */
    static final class ProcCpu {
        static final double CLOCK_TICKS = Double.parseDouble(System.getProperty("clock.ticks", "100"));

        /**
         * utime + stime of the process and its live descendants, plus what their exited children used, in ticks;
         * descendants that are roots of other watched trees are left to those.
         */
        static long ticksOfTree(long root, java.util.Collection<Long> others) {
            Map<Long, long[]> stats = new LinkedHashMap<>(); // pid -> {ppid, ticks}
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after "pid (comm) ": f[0] state, f[1] ppid, f[11] utime, f[12] stime, f[13] cutime, f[14] cstime
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        stats.put(Long.parseLong(p.getFileName().toString()), new long[] {Long.parseLong(f[1]), ticks});
                    } catch (IOException | RuntimeException e) {
                        // the process ended while we looked
                    }
                });
            } catch (IOException e) {
                return 0;
            }
            long total = 0;
            List<Long> queue = new ArrayList<>(List.of(root));
            for (int i = 0; i < queue.size(); i++) {
                long pid = queue.get(i);
                long[] s = stats.get(pid);
                if (s != null) {
                    total += s[1];
                }
                for (Map.Entry<Long, long[]> e : stats.entrySet()) {
                    if (e.getValue()[0] == pid && !others.contains(e.getKey())) { // another watched tree is counted apart
                        queue.add(e.getKey());
                    }
                }
            }
            return total;
        }

        /** {busy, total} jiffies of all cores from /proc/stat, or null when unreadable. */
        static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                long busy = user + nice + system + irq + softirq + steal;
                return new long[] {busy, busy + idle + iowait};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static long selfCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.get(values.size() - 1);
    }
}
