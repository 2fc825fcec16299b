package com.retentionadvisor.facts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.customers.RelationshipStage;

/**
 * What the rules know about one customer at an as-of instant: plain values computed from the stored history.
 * Field meanings and units are listed for analysts in rules/README.md. "Period" means 90 days; the previous period
 * is the 90 days before that. Null means "never happened / no data".
 * <p>
 * Kept flat on purpose, not grouped into orders, emails, surveys and so on: these names are the analysts' vocabulary.
 * A rule reads {@code CustomerFacts( daysSinceLastOrder >= 120 )} and a scenario sets {@code daysSinceLastOrder: 130}
 * (rules/tests/README.md); grouping would make every constraint and every scenario key a path
 * ({@code orders.daysSinceLast}) and rewrite the analysts' files for no gain to them. Order in the fields comes from
 * their prefixes instead ({@code orders…}, {@code emails…}, {@code latest…}/{@code previous…} for surveys), and the
 * SQL that fills them is read by column alias ({@link FactsService}), so a new fact is one column, one field and one
 * builder call, and shifts nothing.
 */
public final class CustomerFacts implements Cloneable {

    /** Length in days of the periods that orders, deals and emails are compared over. */
    public static final int PERIOD_DAYS = 90;

    private String customerId;
    private String segment;
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private RelationshipStage crmStage;
    private Instant asOf;
    private String timeZone;
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
    private int emailsOpenedLastPeriod;
    private int emailsSentPreviousPeriod;
    private int emailsOpenedPreviousPeriod;
    private int emailsUnopenedSinceLastResponse;
    private int openDeals;
    private Integer oldestOpenDealDays;
    private Double repeatOrderShareLastPeriod;
    private Double repeatOrderSharePreviousPeriod;
    private double revenueLastYear;
    private boolean renewalInSight;
    private Integer previousNps;
    private Integer previousCsat;
    private Double latestCsi;
    private Double previousCsi;
    private boolean surveyCommentAwaitingReply;
    private int openComplaints;
    private int openProblems;
    private Integer daysSinceLastFeedback;
    private int inboundLastPeriod;
    private int unansweredInboundLastPeriod;
    private Double averageResponseHoursLastPeriod;
    private int managerChangesTotal;
    private int referralsGiven;
    private Integer hoursSinceLastProactiveOutbound;
    private int proactiveSinceLastResponse;
    private Integer daysToBirthday;
    private int productLines;
    private Integer daysSinceFirstOrder;
    private int orderDaysTotal;
    private Double typicalOrderGapDays;
    private int orderDaysLastYear;
    private int activeMonthsLastHalfYear;
    private int ordersLastHalfYear;
    private int ordersSameHalfYearBefore;
    private int ordersLastYear;
    private int ordersYearBefore;
    private int ordersComingSeasonLastYear;
    private int contactDaysTotal;
    private Double typicalContactGapDays;
    private Integer daysSinceSubscriptionEnded;
    private Map<String, Integer> dismissedActions = Map.of();
    private List<ActionSetAside> actionsSetAside = List.of();
    private Double daysSinceLastResponse;
    private PersonFacts person;

    private CustomerFacts() {
    }

    /**
     * These facts as seen when contacting one person within the account: the person's facts join them, and the
     * person's time zone (when the CRM sent one) becomes the clock that quiet hours and calendar caps read.
     */
    public CustomerFacts reaching(PersonFacts contacted) {
        CustomerFacts copy = copy();
        copy.person = contacted;
        return copy;
    }

    private CustomerFacts copy() {
        try {
            return (CustomerFacts) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
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
    ContactCounts contactCounts() {
        return contacts;
    }

    public int proactiveOutbound(int days) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose().isProactive());
    }

    public int proactiveOutboundOn(int days, Channel channel) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose().isProactive() && k.channel() == channel);
    }

    public int outboundFor(int days, Purpose purpose) {
        return contacts.count(days, k -> k.direction() == Direction.OUTBOUND && k.purpose() == purpose);
    }

    public int onChannel(int days, Channel channel) {
        return contacts.count(days, k -> k.channel() == channel);
    }

    public int inboundFor(int days, Purpose purpose) {
        return contacts.count(days, k -> k.direction() == Direction.INBOUND && k.purpose() == purpose);
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
        dismissedActions.forEach((code, daysAgo) -> all.add(new DismissedAction(code, daysAgo)));
        all.addAll(actionsSetAside);
        if (person != null) {
            all.add(person);
        }
        return all;
    }

    /** Actions a manager dismissed for this customer in the last year: action code → days since the latest dismissal. */
    public Map<String, Integer> getDismissedActions() {
        return dismissedActions;
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

    /**
     * The IANA time zone of whoever is contacted: the person's when a person is checked and the CRM sent their zone,
     * else the customer's (the advisor's default when the CRM sent none; UTC when neither is known).
     */
    public String getTimeZone() {
        if (person != null && person.timeZone() != null) {
            return person.timeZone();
        }
        return timeZone == null ? "UTC" : timeZone;
    }

    /** The account's own time zone, whoever is contacted: the clock of the account's calendar caps. */
    public ZoneId accountZone() {
        return ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    /** The person within the account a contact is checked for; null for the account as a whole. */
    public PersonFacts getPerson() {
        return person;
    }

    /** The outbound contacts of the last 90 days one by one (channel, purpose, campaign, person, age), oldest first. */
    public List<LoggedContact> getRecentOutbound() {
        return contacts.recentOutbound();
    }

    /** Days since the customer last answered (an inbound contact, an email opened or clicked); null: never. */
    public Double getDaysSinceLastResponse() {
        return daysSinceLastResponse;
    }

    /** Actions dismissed or left to expire in the last year, with how often and how long ago. */
    public List<ActionSetAside> getActionsSetAside() {
        return actionsSetAside;
    }

    public ZoneId zone() {
        return ZoneId.of(getTimeZone());
    }

    /** The as-of instant on the customer's clock. */
    public ZonedDateTime localAsOf() {
        return asOf.atZone(zone());
    }

    /** The instant this many hours after the as-of instant (null without one): when a wait of so many hours ends. */
    public Instant hoursLater(int hours) {
        return asOf == null ? null : asOf.plusSeconds(3600L * hours);
    }

    /** The customer's local time of day at the as-of instant, in minutes after midnight (21:30 is 1290). */
    public int getLocalMinuteOfDay() {
        ZonedDateTime local = localAsOf();
        return local.getHour() * 60 + local.getMinute();
    }

    /** The customer's local time of day at the as-of instant, as HH:mm. */
    public String getLocalTime() {
        return localAsOf().toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    /** The customer's local day of the week at the as-of instant as a person reads it: Monday … Sunday. */
    public String getLocalDayText() {
        return localAsOf().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    /** The customer's local day of the week at the as-of instant: MONDAY … SUNDAY. */
    public String getLocalDayOfWeek() {
        return localAsOf().getDayOfWeek().name();
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

    /** Emails sent in the last period that the customer opened or clicked. */
    public int getEmailsOpenedLastPeriod() {
        return emailsOpenedLastPeriod;
    }

    public int getEmailsSentPreviousPeriod() {
        return emailsSentPreviousPeriod;
    }

    public int getEmailsOpenedPreviousPeriod() {
        return emailsOpenedPreviousPeriod;
    }

    /** Emails sent since the customer last opened one or contacted us: what pauses email. */
    public int getEmailsUnopenedSinceLastResponse() {
        return emailsUnopenedSinceLastResponse;
    }

    public int getOpenDeals() {
        return openDeals;
    }

    /** Age in days of the oldest open deal; null when none is open. */
    public Integer getOldestOpenDealDays() {
        return oldestOpenDealDays;
    }

    /** Share (0..1) of the last period's orders in a product line the customer had bought before; null without orders. */
    public Double getRepeatOrderShareLastPeriod() {
        return repeatOrderShareLastPeriod;
    }

    public Double getRepeatOrderSharePreviousPeriod() {
        return repeatOrderSharePreviousPeriod;
    }

    /** Sum of won deals closed in the last 365 days. */
    public double getRevenueLastYear() {
        return revenueLastYear;
    }

    /** Another subscription to the same product starts after the ending one. */
    public boolean isRenewalInSight() {
        return renewalInSight;
    }

    /** The NPS answer before the latest; null if none. */
    public Integer getPreviousNps() {
        return previousNps;
    }

    public Integer getPreviousCsat() {
        return previousCsat;
    }

    /** The latest CSI: weighted mean (1..5) of the survey's factor scores; null if none. */
    public Double getLatestCsi() {
        return latestCsi;
    }

    public Double getPreviousCsi() {
        return previousCsi;
    }

    /** The latest survey answer has a comment and we have not contacted the customer since. */
    public boolean isSurveyCommentAwaitingReply() {
        return surveyCommentAwaitingReply;
    }

    /** Complaint tickets open at the as-of instant. */
    public int getOpenComplaints() {
        return openComplaints;
    }

    /** Question and incident tickets open at the as-of instant. */
    public int getOpenProblems() {
        return openProblems;
    }

    /** Days since the customer last said anything: a survey answer, an inbound contact or a ticket; null if never. */
    public Integer getDaysSinceLastFeedback() {
        return daysSinceLastFeedback;
    }

    /** Inbound contacts in the last period. */
    public int getInboundLastPeriod() {
        return inboundLastPeriod;
    }

    /** Inbound contacts in the last period with no response recorded. */
    public int getUnansweredInboundLastPeriod() {
        return unansweredInboundLastPeriod;
    }

    /** Mean hours from an inbound contact to our response, over the answered ones of the last period; null if none. */
    public Double getAverageResponseHoursLastPeriod() {
        return averageResponseHoursLastPeriod;
    }

    /** New owners since the customer was created (the first owner is not a change). */
    public int getManagerChangesTotal() {
        return managerChangesTotal;
    }

    /** Customers this one referred (referredByExternalId). */
    public int getReferralsGiven() {
        return referralsGiven;
    }

    /** Hours since our last proactive outbound contact (sales, value, survey); null if never. */
    /** Proactive outbound contacts of the last 90 days since the customer last answered (inbound, an email opened or clicked). */
    public int getProactiveSinceLastResponse() {
        return proactiveSinceLastResponse;
    }

    public Integer getHoursSinceLastProactiveOutbound() {
        return hoursSinceLastProactiveOutbound;
    }

    /** Days to the next birthday of the customer (B2C) or its key contact; null if unknown. */
    public Integer getDaysToBirthday() {
        return daysToBirthday;
    }

    /** Distinct product lines the customer has ordered from. */
    public int getProductLines() {
        return productLines;
    }

    /** Days since the first won deal; null if none. */
    public Integer getDaysSinceFirstOrder() {
        return daysSinceFirstOrder;
    }

    /** Distinct (UTC) days with a won deal, ever: a customer who ordered twice on one day bought on one day. */
    public int getOrderDaysTotal() {
        return orderDaysTotal;
    }

    /** The customer's own rhythm: the median of the gaps in days between consecutive order days; null with fewer than two order days. */
    public Double getTypicalOrderGapDays() {
        return typicalOrderGapDays;
    }

    /** Distinct days with a won deal in the last 365 days. */
    public int getOrderDaysLastYear() {
        return orderDaysLastYear;
    }

    /** Of the last six 30-day months, those with at least one won deal (0 to 6). */
    public int getActiveMonthsLastHalfYear() {
        return activeMonthsLastHalfYear;
    }

    /** Won deals in the last 180 days. */
    public int getOrdersLastHalfYear() {
        return ordersLastHalfYear;
    }

    /** Won deals in the same 180 days a year before: (asOf - 545 days, asOf - 365 days]. */
    public int getOrdersSameHalfYearBefore() {
        return ordersSameHalfYearBefore;
    }

    /** Won deals in the last 365 days. */
    public int getOrdersLastYear() {
        return ordersLastYear;
    }

    /** Won deals in the 365 days before those: (asOf - 730 days, asOf - 365 days]. */
    public int getOrdersYearBefore() {
        return ordersYearBefore;
    }

    /** Won deals a year ago in the 90 days that now lie ahead: (asOf - 365 days, asOf - 275 days]. */
    public int getOrdersComingSeasonLastYear() {
        return ordersComingSeasonLastYear;
    }

    /** Distinct (UTC) days with a contact in either direction, ever. */
    public int getContactDaysTotal() {
        return contactDaysTotal;
    }

    /** The median of the gaps in days between consecutive contact days; null with fewer than two contact days. */
    public Double getTypicalContactGapDays() {
        return typicalContactGapDays;
    }

    /** Days since the latest subscription ended, when none runs now; null while one runs or if there never was one. */
    public Integer getDaysSinceSubscriptionEnded() {
        return daysSinceSubscriptionEnded;
    }

    /**
     * How overdue the customer is against their own rhythm: days since the last order / the typical gap between order
     * days (2.0: twice the usual gap without an order); null without a rhythm (fewer than two order days).
     */
    public Double getOverdueRatio() {
        return ratio(daysSinceLastOrder, typicalOrderGapDays);
    }

    /** The same for contacts: days since the last contact / the typical gap between contact days; null without a rhythm. */
    public Double getContactOverdueRatio() {
        return ratio(daysSinceLastContact, typicalContactGapDays);
    }

    /**
     * Days since the customer last ordered or had a contact in either direction, whichever was later; the days as a
     * customer when neither ever happened.
     */
    public int getDaysOfSilence() {
        if (daysSinceLastOrder == null && daysSinceLastContact == null) {
            return tenureDays;
        }
        return Math.min(daysSinceLastOrder == null ? Integer.MAX_VALUE : daysSinceLastOrder,
                daysSinceLastContact == null ? Integer.MAX_VALUE : daysSinceLastContact);
    }

    private static Double ratio(Integer days, Double typicalGap) {
        return days == null || typicalGap == null || typicalGap <= 0 ? null : days / typicalGap;
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

        /** An IANA time zone, e.g. Europe/Moscow. */
        public Builder timeZone(String value) {
            if (value != null) {
                ZoneId.of(value); // says which zone is unknown
            }
            facts.timeZone = value;
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

        public Builder emailsOpenedLastPeriod(int value) {
            facts.emailsOpenedLastPeriod = value;
            return this;
        }

        public Builder emailsSentPreviousPeriod(int value) {
            facts.emailsSentPreviousPeriod = value;
            return this;
        }

        public Builder emailsOpenedPreviousPeriod(int value) {
            facts.emailsOpenedPreviousPeriod = value;
            return this;
        }

        public Builder emailsUnopenedSinceLastResponse(int value) {
            facts.emailsUnopenedSinceLastResponse = value;
            return this;
        }

        public Builder openDeals(int value) {
            facts.openDeals = value;
            return this;
        }

        public Builder oldestOpenDealDays(Integer value) {
            facts.oldestOpenDealDays = value;
            return this;
        }

        public Builder repeatOrderShareLastPeriod(Double value) {
            facts.repeatOrderShareLastPeriod = value;
            return this;
        }

        public Builder repeatOrderSharePreviousPeriod(Double value) {
            facts.repeatOrderSharePreviousPeriod = value;
            return this;
        }

        public Builder revenueLastYear(double value) {
            facts.revenueLastYear = value;
            return this;
        }

        public Builder renewalInSight(boolean value) {
            facts.renewalInSight = value;
            return this;
        }

        public Builder previousNps(Integer value) {
            facts.previousNps = value;
            return this;
        }

        public Builder previousCsat(Integer value) {
            facts.previousCsat = value;
            return this;
        }

        public Builder latestCsi(Double value) {
            facts.latestCsi = value;
            return this;
        }

        public Builder previousCsi(Double value) {
            facts.previousCsi = value;
            return this;
        }

        public Builder surveyCommentAwaitingReply(boolean value) {
            facts.surveyCommentAwaitingReply = value;
            return this;
        }

        public Builder openComplaints(int value) {
            facts.openComplaints = value;
            return this;
        }

        public Builder openProblems(int value) {
            facts.openProblems = value;
            return this;
        }

        public Builder daysSinceLastFeedback(Integer value) {
            facts.daysSinceLastFeedback = value;
            return this;
        }

        public Builder inboundLastPeriod(int value) {
            facts.inboundLastPeriod = value;
            return this;
        }

        public Builder unansweredInboundLastPeriod(int value) {
            facts.unansweredInboundLastPeriod = value;
            return this;
        }

        public Builder averageResponseHoursLastPeriod(Double value) {
            facts.averageResponseHoursLastPeriod = value;
            return this;
        }

        public Builder managerChangesTotal(int value) {
            facts.managerChangesTotal = value;
            return this;
        }

        public Builder referralsGiven(int value) {
            facts.referralsGiven = value;
            return this;
        }

        /** Proactive outbound contacts (last 90 days) since the customer last answered: inbound, an email opened or clicked. */
        public Builder proactiveSinceLastResponse(int value) {
            facts.proactiveSinceLastResponse = value;
            return this;
        }

        public Builder hoursSinceLastProactiveOutbound(Integer value) {
            facts.hoursSinceLastProactiveOutbound = value;
            return this;
        }

        public Builder daysToBirthday(Integer value) {
            facts.daysToBirthday = value;
            return this;
        }

        public Builder productLines(int value) {
            facts.productLines = value;
            return this;
        }

        /** Days since the customer last answered (an inbound contact, an email opened or clicked); null: never. */
        public Builder daysSinceLastResponse(Double value) {
            facts.daysSinceLastResponse = value;
            return this;
        }

        /** Actions dismissed or left to expire in the last year: how often, and the latest how many days ago. */
        public Builder actionsSetAside(List<ActionSetAside> value) {
            facts.actionsSetAside = List.copyOf(value);
            return this;
        }

        /** The person within the account the contact is checked for (their zone, consent, unsubscribe). */
        public Builder person(PersonFacts value) {
            facts.person = value;
            return this;
        }

        public Builder dismissedActions(Map<String, Integer> value) {
            facts.dismissedActions = Map.copyOf(value);
            return this;
        }

        public Builder daysSinceFirstOrder(Integer value) {
            facts.daysSinceFirstOrder = value;
            return this;
        }

        public Builder orderDaysTotal(int value) {
            facts.orderDaysTotal = value;
            return this;
        }

        public Builder typicalOrderGapDays(Double value) {
            facts.typicalOrderGapDays = value;
            return this;
        }

        public Builder orderDaysLastYear(int value) {
            facts.orderDaysLastYear = value;
            return this;
        }

        public Builder activeMonthsLastHalfYear(int value) {
            facts.activeMonthsLastHalfYear = value;
            return this;
        }

        public Builder ordersLastHalfYear(int value) {
            facts.ordersLastHalfYear = value;
            return this;
        }

        public Builder ordersSameHalfYearBefore(int value) {
            facts.ordersSameHalfYearBefore = value;
            return this;
        }

        public Builder ordersLastYear(int value) {
            facts.ordersLastYear = value;
            return this;
        }

        public Builder ordersYearBefore(int value) {
            facts.ordersYearBefore = value;
            return this;
        }

        public Builder ordersComingSeasonLastYear(int value) {
            facts.ordersComingSeasonLastYear = value;
            return this;
        }

        public Builder contactDaysTotal(int value) {
            facts.contactDaysTotal = value;
            return this;
        }

        public Builder typicalContactGapDays(Double value) {
            facts.typicalContactGapDays = value;
            return this;
        }

        public Builder daysSinceSubscriptionEnded(Integer value) {
            facts.daysSinceSubscriptionEnded = value;
            return this;
        }

        public CustomerFacts build() {
            return facts;
        }
    }
}
