package com.retentionadvisor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.customers.TimeZones;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.Names;

/** A person within a customer's account, as the CRM knows them. */
public record PersonItem(
        @NotBlank @Size(max = 100) @Pattern(regexp = Names.PATTERN, message = Names.MESSAGE) String externalId,
        @Schema(description = "The customer (the account) the person belongs to")
        @NotBlank @Size(max = 100) String customerExternalId,
        @Schema(description = "What the person is to the account, e.g. BUYER, USER, DECISION_MAKER", example = "BUYER")
        @Size(max = 100) String role,
        @Schema(description = "Whether the CRM holds an email address for the person (never the address itself)")
        Boolean hasEmail,
        @Schema(description = "Whether the CRM holds a phone number for the person (never the number itself)")
        Boolean hasPhone,
        @Schema(description = "The person's IANA time zone: their quiet hours and calendar caps are read on it; without it,"
                + " the customer's", example = "Asia/Yekaterinburg")
        @Size(max = 64) String timeZone,
        @Schema(description = "Consent per channel: a channel given false refuses every outbound contact with the person on it"
                + " (no exemption lifts it); a channel left out or true is allowed", example = "{\"PHONE\": false, \"EMAIL\": true}")
        Map<Channel, Boolean> consent,
        @Schema(description = "The person unsubscribed from proactive contact: every contact no exemption covers is refused")
        Boolean unsubscribed) implements IngestItem, IngestItem.OfCustomer {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (timeZone != null && !TimeZones.isKnown(timeZone)) {
            problems.add(FieldProblem.ofField("timeZone", "'" + timeZone + "' is not an IANA time zone, e.g. Europe/Moscow or America/New_York"));
        }
        if (consent != null && consent.containsValue(null)) {
            problems.add(FieldProblem.ofField("consent", "each channel takes true (consent given) or false (withdrawn)"));
        }
        return problems;
    }
}
