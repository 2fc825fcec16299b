package com.retentionadvisor.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.problems.FieldProblem;

public record ContactItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String customerExternalId,
        @Size(max = 100) String managerExternalId,
        @NotNull Instant occurredAt,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull Purpose purpose,
        @Size(max = 500) String outcome,
        Instant respondedAt) implements IngestItem, IngestItem.OfCustomer, IngestItem.OfManager {

    /** The same contact on another channel. */
    public ContactItem withChannel(Channel other) {
        return new ContactItem(externalId, customerExternalId, managerExternalId, occurredAt, other, direction, purpose, outcome, respondedAt);
    }

    @Override
    public List<FieldProblem> crossFieldProblems() {
        return FieldProblem.notBefore("respondedAt", respondedAt, "occurredAt", occurredAt);
    }
}
