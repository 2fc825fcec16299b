package com.retentionadvisor.advice;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/**
 * One intended contact checked for a whole audience before a send: may each customer be contacted so now?
 *
 * @param channel     the contact's channel
 * @param purpose     SALES, VALUE, SERVICE or SURVEY
 * @param direction   OUTBOUND when left out
 * @param customerIds the audience's external ids (a customer named twice is answered and counted once)
 * @param people      or, instead, the people within accounts the contact is for (person external ids): each answered with
 *                    their own consent, unsubscribe, time zone and per-person caps, and their account's caps
 * @param campaign    the campaign or message type of the contact, for caps per campaign and exemptions
 * @param asOf        ISO-8601 instant with an offset; now when left out
 */
public record AudienceCheck(Channel channel, Purpose purpose, Direction direction, List<String> customerIds,
                            @Schema(description = "Instead of customerIds: the people (person external ids) the contact is for")
                            List<String> people,
                            @Schema(description = "The campaign or message type of the contact", example = "spring-renewal")
                            String campaign,
                            String asOf) {

    public Direction directionOrDefault() {
        return direction == null ? Direction.OUTBOUND : direction;
    }

    /**
     * The audience's answer: how many may be contacted, how many not and why (customers per refusal rule), the ids not
     * known (or not the caller's), and each known customer's answer in the order asked.
     */
    @Schema(name = "AudienceCheckAnswer")
    public record Answer(String rulesetVersion, String asOf, int customers, int allowed, int refused, List<String> unknown,
            List<ReasonCount> refusals, List<Item> items) {
    }

    /** How many customers of the audience a rule refused (a customer refused by two rules counts under both). */
    public record ReasonCount(String rule, String code, int customers) {
    }

    @Schema(name = "AudienceCheckItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String customerId,
            @Schema(description = "The person answered for, when the check named people") String personId,
            boolean allowed, List<ContactDecision.Reason> reasons,
            @Schema(description = "When every refusal lapses, if they all say (the end of the customer's quiet hours, of a quiet period, of a cap's hold)")
            Instant retryAfter) {
    }
}
