package com.retentionadvisor.advice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.problems.Names;

/** A contact the CRM is about to make; direction defaults to OUTBOUND. */
public record ContactCheckRequest(
        @NotNull Channel channel,
        @NotNull Purpose purpose,
        Direction direction,
        @Schema(description = "The campaign or message type the contact belongs to: caps per campaign count it, and an exemption"
                + " may name it (e.g. legal-notice)", example = "spring-renewal")
        @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String campaign,
        @Schema(description = "The person within the customer's account the contact is for (POST /api/people/batch): their"
                + " consent, unsubscribe, time zone and per-person caps apply; without it, the account as a whole")
        @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String person) {

    public ContactCheckRequest(Channel channel, Purpose purpose, Direction direction) {
        this(channel, purpose, direction, null, null);
    }

    public Direction directionOrDefault() {
        return direction == null ? Direction.OUTBOUND : direction;
    }
}
