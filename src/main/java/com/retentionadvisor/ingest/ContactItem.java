package com.retentionadvisor.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.Names;

public record ContactItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @Size(max = 100) String managerExternalId,
        @NotNull Instant occurredAt,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull Purpose purpose,
        @Size(max = 500) String outcome,
        Instant respondedAt,
        @Schema(description = "The person within the account the contact was with (POST /api/people/batch); without it, the account as a whole")
        @Size(max = 100) String personExternalId,
        @Schema(description = "The campaign or message type the contact belongs to, for caps per campaign and exemptions such as"
                + " a legal notice", example = "spring-renewal")
        @Size(max = 200) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String campaign) implements IngestItem, IngestItem.OfCustomer, IngestItem.OfManager, IngestItem.OfPerson {

    /** The same contact on another channel. */
    public ContactItem withChannel(Channel other) {
        return new ContactItem(externalId, customerExternalId, managerExternalId, occurredAt, other, direction, purpose, outcome, respondedAt,
                personExternalId, campaign);
    }

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return FieldProblem.notBefore("respondedAt", respondedAt, "occurredAt", occurredAt);
    }
}
