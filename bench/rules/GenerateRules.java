import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a big rules folder for the reload benchmarks: a copy of the shipped rules folder (rule files, decision
 * tables, messages and tests/*.yaml; notes left out) plus generated churn-sign rules in generated/segment-GEN-NNN.drl.
 *
 * The generated rules are segment-specific variants of the shipped churn signs, as an analyst team with many
 * segments would write them: each reads CustomerFacts fields (some also a ContactWindow) with thresholds of its own
 * and inserts a ChurnSign with a code of its own (GEN_NNN_...), whose evidence text is appended to
 * messages.properties and whose weight is a row appended to risk-levels/sign-weights.drl.csv. Every generated rule starts with segment == "GEN-NNN", a segment that neither the shipped
 * scenarios nor the demo data use, so the shipped scenarios keep their outcomes and the demo customers their advice;
 * Drools still has to compile, index and evaluate them all.
 *
 *   java bench/rules/GenerateRules.java --from rules --to /tmp/rules-1000 --count 888
 */
public final class GenerateRules {

    private record Template(String name, String code, String message, String rule) {
    }

    // %1$s segment, %2$s code, %3$d weight, %4$d and %5$d thresholds (per segment)
    private static final List<Template> TEMPLATES = List.of(
            new Template("NPS detractor: the latest answer is %4$d or lower", "NPS_DETRACTOR",
                    "The latest NPS answer was {0} (segment %1$s counts %4$d or lower as a detractor)", """
                    CustomerFacts( segment == "%1$s", latestNps != null, $nps : latestNps <= %4$d )
                then
                    insert(new ChurnSign("%2$s", $nps));"""),
            new Template("NPS dropped by %5$d points or more since the answer before", "NPS_DROPPED",
                    "NPS fell from {0} to {1}", """
                    CustomerFacts( segment == "%1$s", latestNps != null, previousNps != null,
                                   latestNps <= previousNps - %5$d, $before : previousNps, $now : latestNps )
                then
                    insert(new ChurnSign("%2$s", $before, $now));"""),
            new Template("CSAT dropped by %5$d points or more", "CSAT_DROPPED", "CSAT fell from {0} to {1}", """
                    CustomerFacts( segment == "%1$s", latestCsat != null, previousCsat != null,
                                   latestCsat <= previousCsat - %5$d, $before : previousCsat, $now : latestCsat )
                then
                    insert(new ChurnSign("%2$s", $before, $now));"""),
            new Template("Emails go unopened: %4$d or more in a row", "EMAILS_UNOPENED",
                    "The last {0} emails in a row were not opened", """
                    CustomerFacts( segment == "%1$s", $streak : unopenedEmailStreak >= %4$d )
                then
                    insert(new ChurnSign("%2$s", $streak));"""),
            new Template("The email open rate fell below %5$d%% of the period before", "EMAIL_OPEN_RATE_FELL",
                    "{0} of {1} emails opened in the last 90 days, against {2} of {3} before", """
                    CustomerFacts( segment == "%1$s", emailsSentPreviousPeriod >= 3, emailsSentLastPeriod >= 3,
                                   emailsOpenedLastPeriod * emailsSentPreviousPeriod * 100 < emailsOpenedPreviousPeriod * emailsSentLastPeriod * %5$d,
                                   $openedNow : emailsOpenedLastPeriod, $sentNow : emailsSentLastPeriod,
                                   $openedBefore : emailsOpenedPreviousPeriod, $sentBefore : emailsSentPreviousPeriod )
                then
                    insert(new ChurnSign("%2$s", $openedNow, $sentNow, $openedBefore, $sentBefore));"""),
            new Template("Orders fell to %5$d%% of the previous period or less", "ORDERS_FELL",
                    "Orders per 90 days fell from {0} to {1}", """
                    CustomerFacts( segment == "%1$s", ordersPreviousPeriod >= %4$d,
                                   ordersLastPeriod * 100 <= ordersPreviousPeriod * %5$d,
                                   $before : ordersPreviousPeriod, $now : ordersLastPeriod )
                then
                    insert(new ChurnSign("%2$s", $before, $now));"""),
            new Template("The average order value fell by %5$d%% or more", "ORDER_VALUE_FELL",
                    "The average order fell from {0} to {1}", """
                    CustomerFacts( segment == "%1$s", ordersLastPeriod >= 1, ordersPreviousPeriod >= 1,
                                   averageOrderValuePreviousPeriod > 0,
                                   averageOrderValueLastPeriod <= averageOrderValuePreviousPeriod * (100 - %5$d) / 100.0,
                                   $now : averageOrderValueLastPeriod, $before : averageOrderValuePreviousPeriod )
                then
                    insert(new ChurnSign("%2$s", Math.round($before), Math.round($now)));"""),
            new Template("A deal has been open for more than %4$d days", "DEAL_STALLED",
                    "A deal has been open for {0} days", """
                    CustomerFacts( segment == "%1$s", oldestOpenDealDays != null, oldestOpenDealDays > %4$d,
                                   $days : oldestOpenDealDays )
                then
                    insert(new ChurnSign("%2$s", $days));"""),
            new Template("Inbound requests are answered in more than %4$d hours on average", "SLOW_RESPONSES",
                    "Requests were answered in {0} hours on average over the last 90 days", """
                    CustomerFacts( segment == "%1$s", averageResponseHoursLastPeriod != null,
                                   averageResponseHoursLastPeriod > %4$d, $hours : averageResponseHoursLastPeriod )
                then
                    insert(new ChurnSign("%2$s", Math.round($hours)));"""),
            new Template("Subscription ends within %4$d days and does not renew by itself", "SUBSCRIPTION_ENDING",
                    "A subscription ends in {0} days and does not renew by itself", """
                    CustomerFacts( segment == "%1$s", daysToSubscriptionEnd != null, daysToSubscriptionEnd <= %4$d,
                                   endingSubscriptionAutoRenews == false, renewalInSight == false,
                                   $days : daysToSubscriptionEnd )
                then
                    insert(new ChurnSign("%2$s", $days));"""),
            new Template("%5$d or more complaints are open", "OPEN_COMPLAINTS", "{0} complaint(s) open", """
                    CustomerFacts( segment == "%1$s", $open : openComplaints >= %5$d )
                then
                    insert(new ChurnSign("%2$s", $open));"""),
            new Template("No feedback of any kind for %4$d days", "NO_FEEDBACK",
                    "No survey answer, request or ticket from the customer for more than {0} days", """
                    CustomerFacts( segment == "%1$s", tenureDays >= %4$d,
                                   daysSinceLastFeedback == null || daysSinceLastFeedback > %4$d )
                then
                    insert(new ChurnSign("%2$s", %4$d));"""),
            new Template("Fewer than %5$d contacts in the last 90 days after a year as a customer", "FEW_CONTACTS",
                    "{0} contacts in the last 90 days", """
                    CustomerFacts( segment == "%1$s", tenureDays >= 365 )
                    ContactWindow( days == 90, $contacts : contacts < %5$d )
                then
                    insert(new ChurnSign("%2$s", $contacts));"""),
            new Template("%5$d or more inbound requests went unanswered in the last 90 days", "UNANSWERED_REQUESTS",
                    "{0} inbound request(s) went unanswered in the last 90 days", """
                    CustomerFacts( segment == "%1$s", $unanswered : unansweredInboundLastPeriod >= %5$d )
                then
                    insert(new ChurnSign("%2$s", $unanswered));"""),
            new Template("No order for more than %4$d days from a repeat buyer", "NO_RECENT_ORDER",
                    "No order for {0} days", """
                    CustomerFacts( segment == "%1$s", ordersTotal >= 3, daysSinceLastOrder != null,
                                   daysSinceLastOrder > %4$d, $days : daysSinceLastOrder )
                then
                    insert(new ChurnSign("%2$s", $days));"""),
            new Template("A customer with revenue of %4$d000 or more last year ordered nothing in the last 90 days",
                    "BIG_CUSTOMER_STOPPED", "{0} revenue last year and no order in the last 90 days", """
                    CustomerFacts( segment == "%1$s", revenueLastYear >= %4$d000, ordersLastPeriod == 0,
                                   $revenue : revenueLastYear )
                then
                    insert(new ChurnSign("%2$s", Math.round($revenue)));"""));

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path from = Path.of(options.getOrDefault("from", "rules"));
        Path to = Path.of(options.getOrDefault("to", ""));
        int count = Integer.parseInt(options.getOrDefault("count", "888"));
        if (options.get("to") == null || count < 0 || !Files.isDirectory(from)) {
            throw new IllegalArgumentException("usage: --from <rules folder> --to <new folder> --count <rules to generate>");
        }
        if (Files.exists(to) && !isEmptyDirectory(to)) {
            throw new IllegalArgumentException(to + " exists and is not empty: give a new folder");
        }
        copyRulesFolder(from, to);

        int perSegment = TEMPLATES.size();
        int segments = (count + perSegment - 1) / perSegment;
        List<String> messages = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        messages.add("");
        messages.add("# --- generated by bench/rules/GenerateRules.java: " + count + " segment-specific churn signs ---");
        int written = 0;
        for (int s = 1; s <= segments; s++) {
            String segment = String.format(Locale.ROOT, "GEN-%03d", s);
            StringBuilder drl = new StringBuilder();
            drl.append("package retention;\n\n")
                    .append("// Churn signs of segment ").append(segment)
                    .append(": generated by bench/rules/GenerateRules.java for the reload benchmarks.\n\n")
                    .append("import com.retentionadvisor.facts.ContactWindow;\n")
                    .append("import com.retentionadvisor.facts.CustomerFacts;\n")
                    .append("import com.retentionadvisor.rules.ChurnSign;\n");
            for (int t = 0; t < perSegment && written < count; t++, written++) {
                Template template = TEMPLATES.get(t);
                // Thresholds and weights vary with the segment, so that no two rules are the same.
                int weight = 5 + (s * 7 + t * 3) % 26;
                int first = firstThreshold(template.code(), s);
                int second = secondThreshold(template.code(), s);
                String code = String.format(Locale.ROOT, "GEN_%03d_%s", s, template.code());
                String name = segment + ": " + String.format(Locale.ROOT, template.name(), segment, code, weight, first, second);
                drl.append("\nrule \"").append(name).append("\"\nwhen\n    ")
                        .append(String.format(Locale.ROOT, template.rule(), segment, code, weight, first, second).strip())
                        .append("\nend\n");
                weights.add("Weight of " + code + "," + code + "," + weight + ",generated for the reload benchmarks,");
                messages.add("sign." + code + "="
                        + String.format(Locale.ROOT, template.message(), segment, code, weight, first, second));
            }
            Path file = to.resolve("generated").resolve("segment-" + segment + ".drl");
            Files.createDirectories(file.getParent());
            Files.writeString(file, drl);
        }
        Files.write(to.resolve("risk-levels/sign-weights.drl.csv"), weights, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path english = to.resolve("messages.properties");
        Files.write(english, messages, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf(Locale.ROOT, "%s: the rules of %s plus %d generated rules in %d files (generated/), %d messages added%n",
                to, from, written, segments, written);
    }

    private static int firstThreshold(String code, int s) {
        return switch (code) {
            case "NPS_DETRACTOR" -> 3 + s % 5;                  // 3..7
            case "EMAILS_UNOPENED" -> 2 + s % 5;                // 2..6
            case "ORDERS_FELL" -> 2 + s % 3;                    // at least 2..4 orders before
            case "DEAL_STALLED" -> 30 + 15 * (s % 6);           // 30..105 days
            case "SLOW_RESPONSES" -> 8 + 4 * (s % 6);           // 8..28 hours
            case "SUBSCRIPTION_ENDING" -> 30 + 15 * (s % 5);    // 30..90 days
            case "NO_FEEDBACK" -> 90 + 30 * (s % 4);            // 90..180 days
            case "NO_RECENT_ORDER" -> 45 + 15 * (s % 6);        // 45..120 days
            case "BIG_CUSTOMER_STOPPED" -> 20 + 10 * (s % 8);   // 20,000..90,000
            default -> 0;
        };
    }

    private static int secondThreshold(String code, int s) {
        return switch (code) {
            case "NPS_DROPPED" -> 2 + s % 3;                    // 2..4 points
            case "CSAT_DROPPED" -> 1 + s % 3;                   // 1..3 points
            case "EMAIL_OPEN_RATE_FELL" -> 40 + 5 * (s % 5);    // 40..60%
            case "ORDERS_FELL" -> 40 + 10 * (s % 4);            // 40..70%
            case "ORDER_VALUE_FELL" -> 20 + 5 * (s % 5);        // 20..40%
            case "OPEN_COMPLAINTS" -> 1 + s % 2;                // 1..2
            case "FEW_CONTACTS" -> 1 + s % 3;                   // 1..3
            case "UNANSWERED_REQUESTS" -> 1 + s % 3;            // 1..3
            default -> 0;
        };
    }

    /** Rule files, decision tables, messages and scenario files of the folder; notes (*.md) are left out. */
    private static void copyRulesFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".md")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                Files.createDirectories(target.getParent());
                Files.copy(path, target);
            }
        }
    }

    private static boolean isEmptyDirectory(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
