package com.retentionadvisor.demo;

import java.time.Instant;
import java.util.List;

import com.retentionadvisor.ingest.ContactItem;
import com.retentionadvisor.ingest.AssignmentItem;
import com.retentionadvisor.ingest.CustomerItem;
import com.retentionadvisor.ingest.ManagerItem;
import com.retentionadvisor.ingest.DealItem;
import com.retentionadvisor.ingest.EmailEventItem;
import com.retentionadvisor.ingest.SubscriptionItem;
import com.retentionadvisor.ingest.SurveyItem;
import com.retentionadvisor.ingest.TicketItem;

/**
 * Benchmark-only window on the demo generator (its lists are package-private): the same seeded histories the
 * service loads with retention.demo.enabled, so the SQL benchmark and the load test measure the same kind of data.
 * Lives in bench/jmh, compiled only by the bench profile, in DemoData's package so a change there fails to compile.
 */
public record DemoHistory(List<ManagerItem> managers, List<CustomerItem> customers, List<AssignmentItem> assignments,
                          List<ContactItem> contacts, List<DealItem> deals, List<SubscriptionItem> subscriptions,
                          List<SurveyItem> surveys, List<EmailEventItem> emailEvents, List<TicketItem> tickets) {

    public static DemoHistory generate(int customers, long seed, Instant now) {
        DemoData data = DemoData.generate(customers, seed, now);
        return new DemoHistory(data.managers, data.customers, data.assignments, data.contacts, data.deals,
                data.subscriptions, data.surveys, data.emailEvents, data.tickets);
    }

    /** The CRM id of the n-th demo customer (DEMO-C0005); every record of a customer has an id that starts with it. */
    public static String customerId(int n) {
        return DemoData.customerId(n);
    }
}
