package com.retentionadvisor.kpis;

import static com.retentionadvisor.Crm.contact;
import static com.retentionadvisor.Crm.customer;
import static com.retentionadvisor.Crm.manager;
import static com.retentionadvisor.Crm.pushAll;
import static com.retentionadvisor.Crm.survey;
import static com.retentionadvisor.Crm.unique;
import static com.retentionadvisor.Crm.wonOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import com.retentionadvisor.Crm.Item;
import com.retentionadvisor.advice.ContactCheck;

/**
 * KPIs through the API on nine customers of two segments (S1, S2) and two managers (MA, MB), whose history in the
 * first quarter of 1999 — the period [1999-01-01, 1999-04-01), 90 days — is written out below. Nobody else's history
 * reaches back to 1999, so the overall figures of that quarter are these customers' alone; contact checks are dated
 * when they are answered (now), and are counted over periods that start when their test does.
 *
 * <pre>
 *   customer seg mgr   status                  won deals in Q1          contacts in Q1 (out/in purpose)     answers in Q1 (NPS, CSAT, CSI)
 *   A1       S1  MA    active                  100, 300                 out SALES, out VALUE, in SERVICE     10, 5, 3.9
 *   A2       S1  MA    churned 02-15           200 at from (999 at to)  out SALES, out SALES                 6, 3, 2.5
 *   A3       S1  MB    active                  - (one OPEN, one LOST)   in SERVICE, in SALES                 8, 4, -
 *   A4       S1  none  active                  50                       out VALUE at from (out SALES just    9 at from (0 and 1 at to)
 *                                                                       before from, in SERVICE at to)
 *   B1       S2  MB    active, created 02-01   400                      out SALES                            7, 2, -; 9, -, 5.0
 *   B2       S2  MB    churned at from         -                        -                                    -
 *   B3       S2  MA    churned at to           150, 250, 200            out VALUE                            -, 4, 3.25
 *   B4       S2  none  churned, never dated    -                        -                                    -
 *   B5       S2  none  churned 1998-12-01      -                        -                                    -
 * </pre>
 *
 * A CSI is an answer's weighted mean: A1 (4×0.5 + 5×0.3 + 2×0.2) / 1 = 3.9, A2 (3 + 2) / 2 = 2.5, B1 5, B3 (4×1 +
 * 3×3) / 4 = 3.25. Customers active at the start: created by 1999-01-01 and not churned before it (B1 is newer, B4
 * cannot be placed, B5 left before). The quarter is 90/365 years: purchases per year = orders / buyers × 365/90, the
 * yearly churn rate = churn rate × 365/90, and CLV = average order value × purchases per year × min(10, 1 / yearly
 * churn), which is average order value × orders / buyers / churn rate while the lifetime is under the cap.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class KpiApiTest {

    private static final String RUN = unique("KPI");
    private static final String S1 = RUN + "-S1";
    private static final String S2 = RUN + "-S2";
    private static final String MA = RUN + "-MA";
    private static final String MB = RUN + "-MB";
    private static final String FROM = "1999-01-01T00:00:00Z";
    private static final String TO = "1999-04-01T00:00:00Z";
    private static final double ROUNDED = 1e-4;
    private static final String A2_CHECKED_AS_OF = "1999-02-10T10:00:00Z";
    // An hour after B1's pitch of 1999-03-01T10:00.
    private static final String B1_CHECKED_AS_OF = "1999-03-01T11:00:00Z";

    @BeforeEach
    void nineCustomersWithAKnownFirstQuarterOf1999() {
        pushAll("managers", List.of(manager(MA).with("name", "Anna"), manager(MB).with("name", "Boris")));
        pushAll("customers", List.of(
                customerOf("A1", S1, MA),
                customerOf("A2", S1, MA).with("status", "CHURNED").with("churnedAt", "1999-02-15T10:00:00Z"),
                customerOf("A3", S1, MB),
                customerOf("A4", S1, null),
                customerOf("B1", S2, MB).with("createdAt", "1999-02-01T09:00:00Z"),
                customerOf("B2", S2, MB).with("status", "CHURNED").with("churnedAt", FROM),
                customerOf("B3", S2, MA).with("status", "CHURNED").with("churnedAt", TO),
                customerOf("B4", S2, null).with("status", "CHURNED"),
                customerOf("B5", S2, null).with("status", "CHURNED").with("churnedAt", "1998-12-01T10:00:00Z")));
        pushAll("deals", List.of(
                order("A1", "1999-01-10T10:00:00Z", "100"),
                order("A1", "1999-03-10T10:00:00Z", "300"),
                order("A2", FROM, "200"),
                order("A2", TO, "999"),
                order("A2", "1999-02-10T10:00:00Z", "500").with("status", "LOST"),
                order("A3", "1999-02-01T10:00:00Z", "700").with("status", "OPEN").without("closedAt"),
                order("A4", "1999-03-15T10:00:00Z", "50"),
                order("B1", "1999-02-20T10:00:00Z", "400"),
                order("B3", "1999-01-20T10:00:00Z", "150"),
                order("B3", "1999-02-20T10:00:00Z", "250"),
                order("B3", "1999-03-20T10:00:00Z", "200")));
        pushAll("contacts", List.of(
                contactOf("A1", "1999-01-15T10:00:00Z", "OUTBOUND", "SALES"),
                contactOf("A1", "1999-02-15T10:00:00Z", "OUTBOUND", "VALUE"),
                contactOf("A1", "1999-03-01T10:00:00Z", "INBOUND", "SERVICE"),
                contactOf("A2", "1999-01-20T10:00:00Z", "OUTBOUND", "SALES"),
                contactOf("A2", "1999-02-01T10:00:00Z", "OUTBOUND", "SALES"),
                contactOf("A3", "1999-02-10T10:00:00Z", "INBOUND", "SERVICE"),
                contactOf("A3", "1999-02-11T10:00:00Z", "INBOUND", "SALES"),
                contactOf("A4", "1998-12-31T23:59:59Z", "OUTBOUND", "SALES"),
                contactOf("A4", FROM, "OUTBOUND", "VALUE"),
                contactOf("A4", TO, "INBOUND", "SERVICE"),
                contactOf("B1", "1999-03-01T10:00:00Z", "OUTBOUND", "SALES"),
                contactOf("B3", "1999-01-25T10:00:00Z", "OUTBOUND", "VALUE")));
        pushAll("surveys", List.of(
                answer("A1", "1999-02-05T10:00:00Z", 10, 5).with("factors", List.of(factor(4, 0.5), factor(5, 0.3), factor(2, 0.2))),
                answer("A2", "1999-01-25T10:00:00Z", 6, 3).with("factors", List.of(factor(3, 1), factor(2, 1))),
                answer("A3", "1999-03-05T10:00:00Z", 8, 4),
                answer("A4", FROM, 9, null),
                answer("A4", TO, 0, 1),
                answer("B1", "1999-02-25T10:00:00Z", 7, 2),
                answer("B1", "1999-03-25T10:00:00Z", 9, null).with("factors", List.of(factor(5, 2))),
                answer("B3", "1999-02-10T10:00:00Z", null, 4).with("factors", List.of(factor(4, 1), factor(3, 3)))));
    }

    @Test
    void shouldReportEveryKpiPerSegmentAsComputedByHand() {
        JsonPath report = kpis("from", FROM, "to", TO, "groupBy", "segment");

        assertEquals("segment", report.getString("groupBy"));
        assertEquals(S1, report.getString(groupAt(S1) + "name"));
        // S1: answers 10, 6, 8, 9 → (2 promoters − 1 detractor) / 4 = 25; CSAT 5, 3, 4 → 2 of 3; CSI (3.9 + 2.5) / 2.
        // 4 active at the start, A2 churned. Orders: A1 100 + 300, A2 200, A4 50 → 650 over 4, 3 buyers, A1 repeats.
        // Active: A1, A2, A4 ordered, A1 and A3 wrote to us → 4. Contacts: A1 3, A2 2, A3 2, A4 1 = 8, 3 of them sales.
        // CLV: 162.5 × (4/3 × 365/90 = 5.4074) × (90/365 / 0.25 = 0.9863 years) = 162.5 × 4/3 / 0.25 = 866.67.
        expect(report, S1,
                "nps.value", 25.0, "nps.promoters", 2, "nps.passives", 1, "nps.detractors", 1, "nps.answers", 4,
                "csat.value", 2 / 3.0, "csat.satisfied", 2, "csat.answers", 3,
                "csi.value", 3.2, "csi.answers", 2, "csi.sum", 6.4,
                "churnRate.value", 0.25, "churnRate.churned", 1, "churnRate.customersAtStart", 4,
                "retentionRate.value", 0.75, "retentionRate.retained", 3, "retentionRate.customersAtStart", 4,
                "repeatOrderShare.value", 1 / 3.0, "repeatOrderShare.repeatBuyers", 1, "repeatOrderShare.buyers", 3,
                "activeCustomers.value", 4, "activeCustomers.buyers", 3, "activeCustomers.withInboundContact", 2,
                "averageDealsPerCustomer.value", 1.0, "averageDealsPerCustomer.wonDeals", 4, "averageDealsPerCustomer.activeCustomers", 4,
                "customerLifetimeValue.value", 866.6667, "customerLifetimeValue.averageOrderValue", 162.5,
                "customerLifetimeValue.revenue", 650, "customerLifetimeValue.orders", 4, "customerLifetimeValue.buyers", 3,
                "customerLifetimeValue.purchasesPerYear", 4 / 3.0 * 365 / 90, "customerLifetimeValue.yearlyChurnRate", 0.25 * 365 / 90,
                "customerLifetimeValue.expectedLifetimeYears", 90 / 365.0 / 0.25, "customerLifetimeValue.lifetimeCapped", false,
                "salesTalkShare.value", 0.375, "salesTalkShare.outboundSales", 3, "salesTalkShare.contacts", 8,
                "overContactRefusals.value", 0, "overContactRefusals.checks", 0);
        // S2: answers 7, 9 → 1 promoter of 2 = 50; CSAT 2, 4 → 1 of 2; CSI (5 + 3.25) / 2. At the start B2 and B3;
        // B2 churned at from (counted), B3 at to (not). Orders: B1 400, B3 150 + 250 + 200 → 1000 over 4, 2 buyers,
        // B3 repeats. Contacts: B1's sales, B3's value. CLV: 250 × 4/2 / 0.5 = 1000.
        expect(report, S2,
                "nps.value", 50.0, "nps.promoters", 1, "nps.passives", 1, "nps.detractors", 0, "nps.answers", 2,
                "csat.value", 0.5, "csat.satisfied", 1, "csat.answers", 2,
                "csi.value", 4.125, "csi.answers", 2, "csi.sum", 8.25,
                "churnRate.value", 0.5, "churnRate.churned", 1, "churnRate.customersAtStart", 2,
                "retentionRate.value", 0.5, "retentionRate.retained", 1,
                "repeatOrderShare.value", 0.5, "repeatOrderShare.repeatBuyers", 1, "repeatOrderShare.buyers", 2,
                "activeCustomers.value", 2, "activeCustomers.buyers", 2, "activeCustomers.withInboundContact", 0,
                "averageDealsPerCustomer.value", 2.0, "averageDealsPerCustomer.wonDeals", 4,
                "customerLifetimeValue.value", 1000.0, "customerLifetimeValue.averageOrderValue", 250.0,
                "customerLifetimeValue.purchasesPerYear", 2.0 * 365 / 90, "customerLifetimeValue.expectedLifetimeYears", 90 / 365.0 / 0.5,
                "salesTalkShare.value", 0.5, "salesTalkShare.outboundSales", 1, "salesTalkShare.contacts", 2);
    }

    @Test
    void shouldReportEveryKpiPerCurrentManagerWithCustomersWithoutOneUnderNone() {
        JsonPath report = kpis("from", FROM, "to", TO, "groupBy", "manager");

        assertEquals("manager", report.getString("groupBy"));
        assertEquals("Anna", report.getString(groupAt(MA) + "name"));
        assertNull(report.get(groupAt("none") + "name"));
        // MA (A1, A2, B3): NPS 10, 6 → 0; CSAT 5, 3, 4 → 2 of 3; CSI (3.9 + 2.5 + 3.25) / 3. At the start all three,
        // A2 churned. Orders 400 + 200 + 600 over 6, A1 and B3 repeat. CLV: 200 × 6/3 / (1/3) = 1200.
        expect(report, MA,
                "nps.value", 0.0, "nps.promoters", 1, "nps.detractors", 1, "nps.answers", 2,
                "csat.value", 2 / 3.0, "csat.answers", 3,
                "csi.value", 9.65 / 3, "csi.answers", 3,
                "churnRate.value", 1 / 3.0, "churnRate.customersAtStart", 3, "retentionRate.value", 2 / 3.0,
                "repeatOrderShare.value", 2 / 3.0, "repeatOrderShare.buyers", 3,
                "activeCustomers.value", 3, "averageDealsPerCustomer.value", 2.0,
                "customerLifetimeValue.value", 1200.0, "customerLifetimeValue.averageOrderValue", 200.0,
                "customerLifetimeValue.revenue", 1200,
                "salesTalkShare.value", 0.5, "salesTalkShare.outboundSales", 3, "salesTalkShare.contacts", 6);
        // MB (A3, B1, B2): NPS 8, 7, 9 → 1 promoter of 3; CSAT 4, 2; CSI B1's 5. At the start A3 and B2 (B1 came
        // later); B2 churned. One order of 400 (B1). Active: A3 wrote to us, B1 ordered → 1 deal / 2. CLV: 400 × 1 / 0.5.
        expect(report, MB,
                "nps.value", 100 / 3.0, "nps.promoters", 1, "nps.passives", 2, "nps.detractors", 0,
                "csat.value", 0.5, "csi.value", 5.0, "csi.answers", 1,
                "churnRate.value", 0.5, "churnRate.customersAtStart", 2,
                "repeatOrderShare.value", 0.0, "repeatOrderShare.buyers", 1,
                "activeCustomers.value", 2, "activeCustomers.withInboundContact", 1,
                "averageDealsPerCustomer.value", 0.5, "averageDealsPerCustomer.activeCustomers", 2,
                "customerLifetimeValue.value", 800.0,
                "salesTalkShare.value", 1 / 3.0, "salesTalkShare.contacts", 3);
        // none (A4, B4, B5): NPS 9 at from → 100; no CSAT or CSI in the period (A4's at to is the next period's).
        // At the start only A4, who stayed: no churn, so the lifetime is the 10-year cap and CLV = 50 × 365/90 × 10.
        expect(report, "none",
                "nps.value", 100.0, "nps.answers", 1,
                "csat.value", null, "csat.answers", 0, "csi.value", null, "csi.sum", null,
                "churnRate.value", 0.0, "churnRate.customersAtStart", 1, "retentionRate.value", 1.0,
                "activeCustomers.value", 1, "activeCustomers.withInboundContact", 0, "averageDealsPerCustomer.value", 1.0,
                "customerLifetimeValue.yearlyChurnRate", 0.0, "customerLifetimeValue.expectedLifetimeYears", 10.0,
                "customerLifetimeValue.lifetimeCapped", true, "customerLifetimeValue.value", 50 * 365 / 90.0 * 10,
                "salesTalkShare.value", 0.0, "salesTalkShare.contacts", 1);
    }

    @Test
    void shouldReportTheOverallFiguresAloneWithoutABreakdown() {
        JsonPath report = kpis("from", FROM, "to", TO);

        assertNull(report.get("groupBy"));
        assertEquals(List.of(), report.getList("groups"));
        assertEquals(FROM, report.getString("from"));
        assertEquals(TO, report.getString("to"));
        // Everyone: NPS 10, 6, 8, 9, 7, 9 → (3 − 1) / 6; CSAT 3 of 5; CSI 14.65 / 4; 2 of 6 churned; 8 orders, 1650,
        // 5 buyers, 2 repeat; 6 active; 10 contacts, 4 sales. CLV: 206.25 × 8/5 / (1/3) = 990.
        expect(report, null,
                "nps.value", 100 / 3.0, "nps.promoters", 3, "nps.passives", 2, "nps.detractors", 1, "nps.answers", 6,
                "csat.value", 0.6, "csat.answers", 5, "csi.value", 3.6625, "csi.answers", 4,
                "churnRate.value", 1 / 3.0, "churnRate.churned", 2, "churnRate.customersAtStart", 6,
                "retentionRate.value", 2 / 3.0, "retentionRate.retained", 4,
                "repeatOrderShare.value", 0.4, "repeatOrderShare.repeatBuyers", 2, "repeatOrderShare.buyers", 5,
                "activeCustomers.value", 6, "averageDealsPerCustomer.value", 8 / 6.0, "averageDealsPerCustomer.wonDeals", 8,
                "customerLifetimeValue.value", 990.0, "customerLifetimeValue.averageOrderValue", 206.25,
                "customerLifetimeValue.revenue", 1650,
                "salesTalkShare.value", 0.4, "salesTalkShare.outboundSales", 4, "salesTalkShare.contacts", 10);

        JsonPath bySegment = kpis("from", FROM, "to", TO, "groupBy", "segment");
        assertEquals(report.getMap("overall"), bySegment.getMap("overall"), "the overall figures do not depend on the breakdown");
    }

    @Test
    void shouldCountWhatHappensAtFromAndLeaveWhatHappensAtToToTheNextPeriod() {
        // The second quarter starts at the first one's end: A2's 999 order, A4's answer (NPS 0, CSAT 1) and A4's
        // inbound contact, all at 1999-04-01T00:00, count here; B3, churned at that instant, churned in this quarter.
        JsonPath next = kpis("from", TO, "to", "1999-07-01T00:00:00Z", "groupBy", "segment");
        expect(next, S1,
                "nps.value", -100.0, "nps.detractors", 1, "nps.answers", 1, "csat.value", 0.0, "csat.answers", 1,
                "customerLifetimeValue.orders", 1, "customerLifetimeValue.revenue", 999,
                "salesTalkShare.contacts", 1, "activeCustomers.value", 2,
                "churnRate.value", 0.0, "churnRate.customersAtStart", 3);
        expect(next, S2, "churnRate.value", 0.5, "churnRate.churned", 1, "churnRate.customersAtStart", 2, "nps.value", null);

        // The quarter before ends where the first one starts: A4's sales contact a second before counts, the contact,
        // the order and the answer at 1999-01-01T00:00 do not; B5 churned in it, B2 (churned at its end) did not.
        JsonPath previous = kpis("from", "1998-10-01T00:00:00Z", "to", FROM, "groupBy", "segment");
        expect(previous, S1,
                "salesTalkShare.value", 1.0, "salesTalkShare.contacts", 1, "customerLifetimeValue.orders", 0,
                "customerLifetimeValue.averageOrderValue", null, "customerLifetimeValue.value", null,
                "nps.value", null, "nps.answers", 0, "churnRate.value", 0.0, "churnRate.customersAtStart", 4);
        expect(previous, S2, "churnRate.value", 1 / 3.0, "churnRate.churned", 1, "churnRate.customersAtStart", 3);
    }

    @Test
    void shouldCountRefusedContactChecksPerRefusingRule() {
        Instant start = Instant.now();
        // Sales talk far above any limit an analyst would plausibly set: A2's every contact in the quarter was a pitch
        // (3 of 3 with this one), A1's 2 of 3, B1's 2 of 2. B1's pitch is also an hour after the last, inside any quiet
        // period: one check refused by two rules. A service email is never refused. Which rules refuse is the rules' to
        // say: the KPI must count the refusals the answers named, per rule.
        Set<Refusal> a2Sales = refusals("A2", "EMAIL", "SALES", A2_CHECKED_AS_OF);
        Set<Refusal> a2Service = refusals("A2", "EMAIL", "SERVICE", A2_CHECKED_AS_OF);
        Set<Refusal> a1Sales = refusals("A1", "PHONE", "SALES", "1999-02-20T10:00:00Z");
        Set<Refusal> b1Sales = refusals("B1", "EMAIL", "SALES", B1_CHECKED_AS_OF);
        assertTrue(codes(a2Sales).contains("SALES_TALK_RATIO"), "A2: " + a2Sales);
        assertEquals(Set.of(), a2Service);
        assertTrue(codes(a1Sales).contains("SALES_TALK_RATIO"), "A1: " + a1Sales);
        assertTrue(codes(b1Sales).containsAll(List.of("QUIET_PERIOD", "SALES_TALK_RATIO")), "B1: " + b1Sales);
        List<Set<Refusal>> inS1 = List.of(a2Sales, a2Service, a1Sales);
        List<Set<Refusal>> inS2 = List.of(b1Sales);
        List<Set<Refusal>> all = List.of(a2Sales, a2Service, a1Sales, b1Sales);

        String to = Instant.now().plusSeconds(60).toString();
        JsonPath bySegment = kpis("from", start.toString(), "to", to, "groupBy", "segment");
        expect(bySegment, S1, "overContactRefusals.value", 2, "overContactRefusals.checks", 3);
        assertEquals(perRule(inS1), byRule(bySegment, S1));
        expect(bySegment, S2, "overContactRefusals.value", 1, "overContactRefusals.checks", 1);
        assertEquals(perRule(inS2), byRule(bySegment, S2));
        // Nobody else checks a contact while this test runs: overall, 3 of 4 checks refused.
        expect(bySegment, null, "overContactRefusals.value", 3, "overContactRefusals.checks", 4);
        assertEquals(perRule(all), byRule(bySegment, null));
        List<Double> listed = bySegment.getList("overall.overContactRefusals.byRule.refusals", Double.class);
        assertEquals(listed.stream().sorted(Comparator.reverseOrder()).toList(), listed, "the rule refusing most first");

        JsonPath byManager = kpis("from", start.toString(), "to", to, "groupBy", "manager");
        expect(byManager, MA, "overContactRefusals.value", 2, "overContactRefusals.checks", 3);
        assertEquals(perRule(inS1), byRule(byManager, MA));
        expect(byManager, MB, "overContactRefusals.value", 1, "overContactRefusals.checks", 1);
        assertEquals(perRule(inS2), byRule(byManager, MB));
    }

    @Test
    void shouldCountACheckAnsweredAtFromAndNotOneAnsweredAtTo() {
        Instant start = Instant.now();
        refusals("A2", "EMAIL", "SALES", A2_CHECKED_AS_OF);
        refusals("B1", "EMAIL", "SALES", B1_CHECKED_AS_OF);
        Instant a2Checked = checkedAt("A2", start);
        Instant b1Checked = checkedAt("B1", start);
        assertTrue(a2Checked.isBefore(b1Checked));

        JsonPath upToB1 = kpis("from", a2Checked.toString(), "to", b1Checked.toString(), "groupBy", "segment");
        expect(upToB1, S1, "overContactRefusals.checks", 1, "overContactRefusals.value", 1);
        expect(upToB1, S2, "overContactRefusals.checks", 0, "overContactRefusals.value", 0);
        assertEquals(List.of(), upToB1.getList(group(S2) + "overContactRefusals.byRule"));

        JsonPath fromB1 = kpis("from", b1Checked.toString(), "to", Instant.now().plusSeconds(60).toString(), "groupBy", "segment");
        expect(fromB1, S1, "overContactRefusals.checks", 0);
        expect(fromB1, S2, "overContactRefusals.checks", 1, "overContactRefusals.value", 1);
    }

    @Test
    void shouldReportTheLast90DaysUntilNowByDefault() {
        Instant before = Instant.now();
        JsonPath report = kpis();
        Instant to = Instant.parse(report.getString("to"));
        Instant from = Instant.parse(report.getString("from"));

        assertTrue(!to.isBefore(before) && !to.isAfter(Instant.now()), "to is now: " + to);
        assertEquals(Duration.ofDays(90), Duration.between(from, to));
        assertNotNull(report.get("overall.nps"));
        assertEquals(Instant.parse("1999-01-01T00:00:00Z"), Instant.parse(kpis("to", TO).getString("from")));
    }

    @Test
    void shouldNameAGroupByItDoesNotKnow() {
        given().queryParam("groupBy", "team")
                .when().get("/api/kpis")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("groupBy"))
                .body("detail", containsString("manager, segment"));
    }

    @Test
    void shouldRefuseAPeriodThatDoesNotStartBeforeItEnds() {
        for (String from : List.of(TO, "1999-05-01T00:00:00Z")) {
            given().queryParams(Map.of("from", from, "to", TO))
                    .when().get("/api/kpis")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("from"))
                    .body("errors[0].message", containsString("before to"));
        }
    }

    @Test
    void shouldNameEveryParameterItCannotRead() {
        given().queryParams(Map.of("from", "last monday", "to", "1999-13-01", "groupBy", "region"))
                .when().get("/api/kpis")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("from", "to", "groupBy"))
                .body("detail", containsString("ISO-8601"));
    }

    private static JsonPath kpis(String... parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return given().queryParams(query)
                .when().get("/api/kpis")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String group(String key) {
        return groupAt(key) + "kpis.";
    }

    private static String groupAt(String key) {
        return "groups.find { it.key == '" + key + "' }.";
    }

    /** Asserts (path under the group's KPIs, expected value) pairs: numbers to four decimals, null as null; group null: overall. */
    private static void expect(JsonPath report, String groupKey, Object... pathsAndValues) {
        String root = groupKey == null ? "overall." : group(groupKey);
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            String path = root + pathsAndValues[i];
            Object expected = pathsAndValues[i + 1];
            Object actual = report.get(path);
            if (expected == null) {
                assertNull(actual, path);
            } else if (expected instanceof Boolean) {
                assertEquals(expected, actual, path);
            } else {
                assertNotNull(actual, path);
                assertEquals(((Number) expected).doubleValue(), ((Number) actual).doubleValue(), ROUNDED, path);
            }
        }
    }

    /** A refusal as a contact check's answer names it: the rule that refused, and its code. */
    private record Refusal(String rule, String code) {
    }

    /** Checks a contact through the API and answers the refusals it named, each once. */
    private static Set<Refusal> refusals(String customer, String channel, String purpose, String asOf) {
        JsonPath answer = given().contentType(ContentType.JSON).queryParam("asOf", asOf)
                .body(Map.of("channel", channel, "purpose", purpose))
                .when().post("/api/customers/{id}/contact-check", id(customer))
                .then().statusCode(200)
                .extract().jsonPath();
        List<String> rules = answer.getList("reasons.rule", String.class);
        List<String> codes = answer.getList("reasons.code", String.class);
        Set<Refusal> refusals = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            refusals.add(new Refusal(rules.get(i), codes.get(i)));
        }
        return refusals;
    }

    private static Set<String> codes(Set<Refusal> refusals) {
        return refusals.stream().map(Refusal::code).collect(Collectors.toSet());
    }

    /** Per refusing rule, how many of these checks it refused: what the KPI should count. */
    private static Map<Refusal, Integer> perRule(List<Set<Refusal>> checks) {
        Map<Refusal, Integer> counts = new HashMap<>();
        checks.forEach(check -> check.forEach(refusal -> counts.merge(refusal, 1, Integer::sum)));
        return counts;
    }

    /** The KPI's refused checks per rule, of a group (null: overall). */
    private static Map<Refusal, Integer> byRule(JsonPath report, String groupKey) {
        String root = (groupKey == null ? "overall." : group(groupKey)) + "overContactRefusals.byRule";
        List<Map<String, Object>> rows = report.getList(root);
        Map<Refusal, Integer> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(new Refusal((String) row.get("rule"), (String) row.get("code")),
                ((Number) row.get("refusals")).intValue()));
        return counts;
    }

    /** When the customer's only check since {@code since} was stored. */
    private static Instant checkedAt(String customer, Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ContactCheck> checks = ContactCheck.list("customer.externalId = ?1 and checkedAt >= ?2", id(customer), since);
            assertEquals(1, checks.size());
            return checks.get(0).checkedAt;
        });
    }

    private static String id(String customer) {
        return RUN + "-" + customer;
    }

    private static Item customerOf(String customer, String segment, String managerId) {
        Item item = customer(id(customer)).with("segment", segment).with("createdAt", "1998-06-01T09:00:00Z");
        return managerId == null ? item : item.with("managerExternalId", managerId);
    }

    private static Item order(String customer, String closedAt, String amount) {
        return wonOrder(id(customer) + "-D-" + closedAt, id(customer), 0, amount)
                .with("openedAt", "1998-10-01T00:00:00Z").with("closedAt", closedAt);
    }

    private static Item contactOf(String customer, String occurredAt, String direction, String purpose) {
        return contact(id(customer) + "-K-" + occurredAt, id(customer), 0)
                .with("occurredAt", occurredAt).with("direction", direction).with("purpose", purpose);
    }

    private static Item answer(String customer, String answeredAt, Integer nps, Integer csat) {
        return survey(id(customer) + "-S-" + answeredAt, id(customer), 0, nps, csat).with("answeredAt", answeredAt);
    }

    private static Map<String, Object> factor(double score, double weight) {
        Map<String, Object> factor = new LinkedHashMap<>();
        factor.put("factor", "factor-" + score + "-" + weight);
        factor.put("score", score);
        factor.put("weight", weight);
        return factor;
    }
}
