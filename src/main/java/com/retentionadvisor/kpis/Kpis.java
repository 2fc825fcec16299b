package com.retentionadvisor.kpis;

import java.util.List;

import com.retentionadvisor.kpis.KpiQueries.GroupCounts;

/**
 * One group's KPIs, each with the counts it was computed from so that a reader can check it. A value is null when it
 * is undefined (no answers, no customers at the start, …). Shares and rates are fractions (0.25 is 25%); NPS is in
 * points from -100 to 100. Every figure is rounded to four decimals; money is added as it comes, whatever the currency.
 * The formulas are in docs/kpis.md.
 */
public record Kpis(
        Nps nps,
        Csat csat,
        Csi csi,
        ChurnRate churnRate,
        RetentionRate retentionRate,
        RepeatOrderShare repeatOrderShare,
        ActiveCustomers activeCustomers,
        AverageDealsPerCustomer averageDealsPerCustomer,
        CustomerLifetimeValue customerLifetimeValue,
        SalesTalkShare salesTalkShare,
        OverContactRefusals overContactRefusals) {

    /** % promoters (9–10) − % detractors (0–6) among the answers with an NPS. */
    public record Nps(Double value, long promoters, long passives, long detractors, long answers) {
    }

    /** The share of 4–5 answers among the answers with a CSAT. */
    public record Csat(Double value, long satisfied, long answers) {
    }

    /** The mean of the answers' CSIs (each the weighted mean of its factor scores, 1–5). */
    public record Csi(Double value, long answers, Double sum) {
    }

    /** Customers active at the start who churned in the period, among those active at the start. */
    public record ChurnRate(Double value, long churned, long customersAtStart) {
    }

    /** 1 − churn rate: customers active at the start who did not churn in the period, among them. */
    public record RetentionRate(Double value, long retained, long customersAtStart) {
    }

    /** Customers with two won deals or more in the period, among those with one or more. */
    public record RepeatOrderShare(Double value, long repeatBuyers, long buyers) {
    }

    /** Customers with a won deal or an inbound contact in the period. */
    public record ActiveCustomers(long value, long buyers, long withInboundContact) {
    }

    /** Won deals in the period per active customer. */
    public record AverageDealsPerCustomer(Double value, long wonDeals, long activeCustomers) {
    }

    /**
     * Average order value × purchases per customer per year × expected lifetime in years, where the lifetime is 1 /
     * the yearly churn rate, at most the cap. Revenue-based: no margin is recorded, so there is no margin-based variant.
     */
    public record CustomerLifetimeValue(Double value, Double averageOrderValue, Double revenue, long orders, long buyers,
            Double purchasesPerYear, Double yearlyChurnRate, Double expectedLifetimeYears, boolean lifetimeCapped) {
    }

    /** Outbound sales contacts among all contacts in the period. */
    public record SalesTalkShare(Double value, long outboundSales, long contacts) {
    }

    /** Contact checks answered in the period that were refused, of all checks, and the refused checks per rule. */
    public record OverContactRefusals(long value, long checks, List<RuleRefusals> byRule) {
    }

    /** How many checks one rule refused; a check refused by two rules counts for each. */
    public record RuleRefusals(String rule, String code, long refusals) {
    }

    /**
     * The KPIs from a group's counts, for a period of {@code years} (365 days each), with the expected lifetime
     * capped at {@code lifetimeCapYears}.
     */
    static Kpis of(GroupCounts c, List<RuleRefusals> byRule, double years, double lifetimeCapYears) {
        Double churnRate = share(c.churned(), c.atStart());
        Double yearlyChurn = churnRate == null ? null : churnRate / years;
        // Without churn the lifetime is the cap (1 / 0 is infinite).
        Double lifetime = yearlyChurn == null ? null : Math.min(lifetimeCapYears, 1 / yearlyChurn);
        Double averageOrderValue = c.orders() == 0 ? null : c.revenue() / c.orders();
        Double purchasesPerYear = c.buyers() == 0 ? null : c.orders() / (double) c.buyers() / years;
        Double lifetimeValue = averageOrderValue == null || purchasesPerYear == null || lifetime == null ? null
                : averageOrderValue * purchasesPerYear * lifetime;
        Double nps = c.npsAnswers() == 0 ? null : 100.0 * (c.promoters() - c.detractors()) / c.npsAnswers();
        return new Kpis(
                new Nps(round(nps), c.promoters(), c.npsAnswers() - c.promoters() - c.detractors(), c.detractors(), c.npsAnswers()),
                new Csat(round(share(c.satisfied(), c.csatAnswers())), c.satisfied(), c.csatAnswers()),
                new Csi(round(c.csiAnswers() == 0 ? null : c.csiSum() / c.csiAnswers()), c.csiAnswers(), round(c.csiSum())),
                new ChurnRate(round(churnRate), c.churned(), c.atStart()),
                new RetentionRate(round(churnRate == null ? null : 1 - churnRate), c.atStart() - c.churned(), c.atStart()),
                new RepeatOrderShare(round(share(c.repeatBuyers(), c.buyers())), c.repeatBuyers(), c.buyers()),
                new ActiveCustomers(c.active(), c.buyers(), c.withInbound()),
                new AverageDealsPerCustomer(round(share(c.orders(), c.active())), c.orders(), c.active()),
                new CustomerLifetimeValue(round(lifetimeValue), round(averageOrderValue), round(c.revenue()), c.orders(),
                        c.buyers(), round(purchasesPerYear), round(yearlyChurn), round(lifetime),
                        yearlyChurn != null && 1 / yearlyChurn > lifetimeCapYears),
                new SalesTalkShare(round(share(c.outboundSales(), c.contacts())), c.outboundSales(), c.contacts()),
                new OverContactRefusals(c.refused(), c.checks(), byRule));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
