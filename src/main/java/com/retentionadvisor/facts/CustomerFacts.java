package com.retentionadvisor.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;

/**
 * What the rules know about one customer at an as-of instant: plain values computed from the stored history.
 * Field meanings and units are listed for analysts in rules/README.md. "Period" means 90 days; the previous period
 * is the 90 days before that. Null means "never happened / no data".
 */
public final class CustomerFacts {

    /** Length in days of the periods that orders, deals and emails are compared over. */
    public static final int PERIOD_DAYS = 90;

    private String customerId;
    private String segment;
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private RelationshipStage crmStage;
    private Instant asOf;
    private int tenureDays;
    private ContactCounts contacts = ContactCounts.builder().build();
    private Integer daysSinceLastContact;
    private Integer daysSinceLastOrder;
    private int ordersTotal;
    private int ordersLastPeriod;
    private int ordersPreviousPeriod;
    private double averageOrderValueLastPeriod;
    private double averageOrderValuePreviousPeriod;
    private int lostDealsLastPeriod;
    private int emailsSentLastPeriod;
    private int unopenedEmailStreak;
    private Integer daysToSubscriptionEnd;
    private boolean endingSubscriptionAutoRenews;
    private boolean endingSubscriptionAnnual;
    private Integer latestNps;
    private Integer latestCsat;
    private Integer daysSinceLastSurvey;
    private int managerChangesLastYear;
    private boolean lastManagerChangeWithoutHandover;

    private CustomerFacts() {
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- contact counts, per window of 7, 30, 90 or 365 days ---

    /** All contacts in the window, both directions, every purpose. */
    public int contacts(int days) {
        return contacts.count(days, k -> true);
    }

    public int outbound(int days) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND);
    }

    public int inbound(int days) {
        return contacts.count(days, k -> k.direction() == Direction.INBOUND);
    }

    /** Outbound contacts we started on our own (sales, value, survey): the ones over-contact limits count. */
    public int proactiveOutbound(int days) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose().isProactive());
    }

    public int proactiveOutboundOn(int days, Channel channel) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose().isProactive() && k.channel() == channel);
    }

    public int outboundFor(int days, Purpose purpose) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose() == purpose);
    }

    /** Outbound sales contacts as a share (0..1) of all contacts in the window; 0 when there were none. */
    public double salesShare(int days) {
        int all = contacts(days);
        return all == 0 ? 0.0 : (double) outboundFor(days, Purpose.SALES) / all;
    }

    /** The sales share if one more outbound sales contact were made now: (sales + 1) / (all + 1). */
    public double salesShareWithOneMore(int days) {
        return (outboundFor(days, Purpose.SALES) + 1.0) / (contacts(days) + 1.0);
    }

    /** These facts as the rules see them: the customer's facts and one {@link ContactWindow} per window. */
    public List<Object> forRules() {
        List<Object> all = new ArrayList<>();
        all.add(this);
        ContactCounts.WINDOWS.stream().sorted().forEach(days -> all.add(new ContactWindow(this, days)));
        return all;
    }

    // --- plain values ---

    public String getCustomerId() {
        return customerId;
    }

    public String getSegment() {
        return segment;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public RelationshipStage getCrmStage() {
        return crmStage;
    }

    public Instant getAsOf() {
        return asOf;
    }

    public int getTenureDays() {
        return tenureDays;
    }

    public Integer getDaysSinceLastContact() {
        return daysSinceLastContact;
    }

    public Integer getDaysSinceLastOrder() {
        return daysSinceLastOrder;
    }

    public int getOrdersTotal() {
        return ordersTotal;
    }

    public int getOrdersLastPeriod() {
        return ordersLastPeriod;
    }

    public int getOrdersPreviousPeriod() {
        return ordersPreviousPeriod;
    }

    public double getAverageOrderValueLastPeriod() {
        return averageOrderValueLastPeriod;
    }

    public double getAverageOrderValuePreviousPeriod() {
        return averageOrderValuePreviousPeriod;
    }

    public int getLostDealsLastPeriod() {
        return lostDealsLastPeriod;
    }

    public int getEmailsSentLastPeriod() {
        return emailsSentLastPeriod;
    }

    public int getUnopenedEmailStreak() {
        return unopenedEmailStreak;
    }

    public Integer getDaysToSubscriptionEnd() {
        return daysToSubscriptionEnd;
    }

    public boolean isEndingSubscriptionAutoRenews() {
        return endingSubscriptionAutoRenews;
    }

    public boolean isEndingSubscriptionAnnual() {
        return endingSubscriptionAnnual;
    }

    public Integer getLatestNps() {
        return latestNps;
    }

    public Integer getLatestCsat() {
        return latestCsat;
    }

    public Integer getDaysSinceLastSurvey() {
        return daysSinceLastSurvey;
    }

    public int getManagerChangesLastYear() {
        return managerChangesLastYear;
    }

    public boolean isLastManagerChangeWithoutHandover() {
        return lastManagerChangeWithoutHandover;
    }

    @Override
    public String toString() {
        return "CustomerFacts[" + customerId + " as of " + asOf + "]";
    }

    /** Builds facts from the store's queries, and in tests from a scenario's givens. */
    public static final class Builder {
        private final CustomerFacts facts = new CustomerFacts();

        public Builder customerId(String value) {
            facts.customerId = value;
            return this;
        }

        public Builder segment(String value) {
            facts.segment = value;
            return this;
        }

        public Builder status(CustomerStatus value) {
            facts.status = value;
            return this;
        }

        public Builder crmStage(RelationshipStage value) {
            facts.crmStage = value;
            return this;
        }

        public Builder asOf(Instant value) {
            facts.asOf = value;
            return this;
        }

        public Builder tenureDays(int value) {
            facts.tenureDays = value;
            return this;
        }

        public Builder contacts(ContactCounts value) {
            facts.contacts = value;
            return this;
        }

        public Builder daysSinceLastContact(Integer value) {
            facts.daysSinceLastContact = value;
            return this;
        }

        public Builder daysSinceLastOrder(Integer value) {
            facts.daysSinceLastOrder = value;
            return this;
        }

        public Builder ordersTotal(int value) {
            facts.ordersTotal = value;
            return this;
        }

        public Builder ordersLastPeriod(int value) {
            facts.ordersLastPeriod = value;
            return this;
        }

        public Builder ordersPreviousPeriod(int value) {
            facts.ordersPreviousPeriod = value;
            return this;
        }

        public Builder averageOrderValueLastPeriod(double value) {
            facts.averageOrderValueLastPeriod = value;
            return this;
        }

        public Builder averageOrderValuePreviousPeriod(double value) {
            facts.averageOrderValuePreviousPeriod = value;
            return this;
        }

        public Builder lostDealsLastPeriod(int value) {
            facts.lostDealsLastPeriod = value;
            return this;
        }

        public Builder emailsSentLastPeriod(int value) {
            facts.emailsSentLastPeriod = value;
            return this;
        }

        public Builder unopenedEmailStreak(int value) {
            facts.unopenedEmailStreak = value;
            return this;
        }

        public Builder daysToSubscriptionEnd(Integer value) {
            facts.daysToSubscriptionEnd = value;
            return this;
        }

        public Builder endingSubscriptionAutoRenews(boolean value) {
            facts.endingSubscriptionAutoRenews = value;
            return this;
        }

        public Builder endingSubscriptionAnnual(boolean value) {
            facts.endingSubscriptionAnnual = value;
            return this;
        }

        public Builder latestNps(Integer value) {
            facts.latestNps = value;
            return this;
        }

        public Builder latestCsat(Integer value) {
            facts.latestCsat = value;
            return this;
        }

        public Builder daysSinceLastSurvey(Integer value) {
            facts.daysSinceLastSurvey = value;
            return this;
        }

        public Builder managerChangesLastYear(int value) {
            facts.managerChangesLastYear = value;
            return this;
        }

        public Builder lastManagerChangeWithoutHandover(boolean value) {
            facts.lastManagerChangeWithoutHandover = value;
            return this;
        }

        public CustomerFacts build() {
            return facts;
        }
    }
}
