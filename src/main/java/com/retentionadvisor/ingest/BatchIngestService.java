package com.retentionadvisor.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentionadvisor.contacts.ContactPerson;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.CustomerHistoryRecord;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.database.DatabaseFailures;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.problems.BatchTooLargeException;
import com.retentionadvisor.problems.BusyException;
import com.retentionadvisor.problems.ConflictException;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.records.IngestedRecord;

/**
 * Idempotent bulk upserts of CRM records. A batch is checked whole before anything is written: one invalid item
 * turns the whole batch away with a 400 naming every problem. Items naming an unknown customer or manager are
 * rejected one by one (the rest is written); a batch of one such item answers 404. A batch is one transaction.
 */
@ApplicationScoped
public class BatchIngestService {

    private static final Logger LOG = Logger.getLogger(BatchIngestService.class);
    private static final int QUERY_CHUNK = 1000;

    @Inject
    EntityManager em;

    @Inject
    Event<CustomersChanged> customersChanged;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @Inject
    IngestConfig config;

    @Inject
    AdvisorMetrics metrics;

    /**
     * Writes the batch in one transaction: all of it or, when it fails, nothing. A batch that loses a race with
     * another one writing the same records (both create the same external id, or their row locks deadlock) is written
     * once more, from what the other one committed; a second loss answers 429 with Retry-After.
     */
    public <I extends IngestItem, R extends IngestedRecord> BatchResult ingest(RecordKind<I, R> kind, List<I> items) {
        checkBatch(items);
        BatchResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> write(kind, items));
        } catch (RuntimeException first) {
            String conflict = DatabaseFailures.writeConflict(first).orElseThrow(() -> first);
            LOG.infof("A batch of %d %s met another one writing the same records (SQLState %s); writing it once more",
                    items.size(), kind.name(), conflict);
            try {
                result = QuarkusTransaction.requiringNew().call(() -> write(kind, items));
            } catch (RuntimeException second) {
                if (DatabaseFailures.writeConflict(second).isEmpty()) {
                    throw second;
                }
                throw new BusyException("another batch was writing the same records at the same time; nothing of this one"
                        + " was written: send it again", 1);
            }
        }
        LOG.infof("Ingested %d %s: %s", items.size(), kind.name(), result.counts());
        metrics.batchIngested(kind.name(), result.counts());
        return result;
    }

    private <I extends IngestItem, R extends IngestedRecord> BatchResult write(RecordKind<I, R> kind, List<I> items) {
        Map<String, R> existing = loadByExternalId(kind.recordType(), items.stream().map(IngestItem::externalId).toList());
        References references = loadReferences(items);

        List<BatchResult.Item> results = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            I item = items.get(index);
            results.add(upsert(kind, item, index, existing.get(item.externalId()), references, items.size() == 1));
        }
        // Written now, not at the commit: a conflict with another batch is then thrown here, as itself.
        em.flush();
        BatchResult result = BatchResult.of(kind.name(), results);
        Set<String> changed = new TreeSet<>();
        for (BatchResult.Item written : results) {
            if (written.result() == ItemOutcome.CREATED || written.result() == ItemOutcome.UPDATED) {
                I item = items.get(written.index());
                if (item instanceof IngestItem.OfCustomer of) {
                    changed.add(of.customerExternalId());
                } else if (kind.recordType() == Customer.class) {
                    changed.add(item.externalId());
                }
            }
        }
        if (!changed.isEmpty()) {
            // Observers act once the batch is committed (e.g. the customers are evaluated again).
            customersChanged.fire(new CustomersChanged(changed));
        }
        return result;
    }

    private <I extends IngestItem, R extends IngestedRecord> BatchResult.Item upsert(
            RecordKind<I, R> kind, I item, int index, R record, References references, boolean singleItem) {
        String hash = hash(item);
        if (record != null && hash.equals(record.sourceHash)) {
            return new BatchResult.Item(index, item.externalId(), ItemOutcome.UNCHANGED, null);
        }
        Links links;
        try {
            links = new Links(
                    item instanceof IngestItem.OfCustomer of ? references.customer(of.customerExternalId(), "customerExternalId") : null,
                    item instanceof IngestItem.OfManager of ? references.manager(of.managerExternalId()) : null,
                    item instanceof IngestItem.OfReferrer of && of.referredByExternalId() != null
                            ? references.customer(of.referredByExternalId(), "referredByExternalId") : null,
                    item instanceof IngestItem.OfPerson of && of.personExternalId() != null
                            ? references.person(of.personExternalId(), ((IngestItem.OfCustomer) item).customerExternalId()) : null);
        } catch (UnknownRecordException unknown) {
            if (singleItem) {
                throw unknown;
            }
            return new BatchResult.Item(index, item.externalId(), ItemOutcome.REJECTED, unknown.getMessage());
        }
        if (record != null) {
            Optional<String> refused = kind.refusal(item, record, links);
            if (refused.isPresent()) {
                if (singleItem) {
                    throw new ConflictException(refused.get());
                }
                return new BatchResult.Item(index, item.externalId(), ItemOutcome.REJECTED, refused.get());
            }
        }
        boolean created = record == null;
        if (created) {
            record = kind.newRecord();
            record.externalId = item.externalId();
        }
        if (record instanceof CustomerHistoryRecord history) {
            history.customer = links.customer();
        }
        kind.copy(item, record, links);
        record.sourceHash = hash;
        if (created) {
            em.persist(record);
        }
        if (record instanceof Customer customer) {
            // Later items of the same batch may name this customer (as their referrer, say).
            references.customers().put(customer.externalId, customer);
        }
        return new BatchResult.Item(index, item.externalId(), created ? ItemOutcome.CREATED : ItemOutcome.UPDATED, null);
    }

    private void checkBatch(List<? extends IngestItem> items) {
        if (items == null) {
            throw InvalidInputException.of(null, "the body must be a JSON array of items");
        }
        if (items.size() > config.maxItems()) {
            throw new BatchTooLargeException(items.size(), config.maxItems());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            IngestItem item = items.get(index);
            if (item == null) {
                problems.add(new FieldProblem(index, null, "an item must be a JSON object, not null"));
                continue;
            }
            for (ConstraintViolation<IngestItem> violation : validator.validate(item)) {
                problems.add(FieldProblem.of(violation).atIndex(index));
            }
            for (FieldProblem problem : item.crossFieldProblems()) {
                problems.add(problem.atIndex(index));
            }
            if (item.externalId() != null) {
                Integer first = firstIndexOfId.putIfAbsent(item.externalId(), index);
                if (first != null) {
                    problems.add(new FieldProblem(index, "externalId", "'" + item.externalId() + "' already appears at index " + first));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private References loadReferences(List<? extends IngestItem> items) {
        Set<String> customerIds = new HashSet<>();
        Set<String> managerIds = new HashSet<>();
        Set<String> personIds = new HashSet<>();
        for (IngestItem item : items) {
            if (item instanceof IngestItem.OfPerson of && of.personExternalId() != null) {
                personIds.add(of.personExternalId());
            }
            if (item instanceof IngestItem.OfCustomer of) {
                customerIds.add(of.customerExternalId());
            }
            if (item instanceof IngestItem.OfReferrer of && of.referredByExternalId() != null) {
                customerIds.add(of.referredByExternalId());
            }
            if (item instanceof IngestItem.OfManager of && of.managerExternalId() != null) {
                managerIds.add(of.managerExternalId());
            }
        }
        return new References(loadByExternalId(Customer.class, customerIds), loadByExternalId(Manager.class, managerIds),
                personIds.isEmpty() ? Map.of() : loadByExternalId(ContactPerson.class, personIds));
    }

    private <R extends IngestedRecord> Map<String, R> loadByExternalId(Class<R> type, Collection<String> externalIds) {
        Map<String, R> found = new HashMap<>();
        List<String> ids = List.copyOf(new HashSet<>(externalIds));
        String query = "select r from " + type.getSimpleName() + " r where r.externalId in :ids";
        for (int from = 0; from < ids.size(); from += QUERY_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + QUERY_CHUNK));
            em.createQuery(query, type).setParameter("ids", chunk).getResultList()
                    .forEach(record -> found.put(record.externalId, record));
        }
        return found;
    }

    private String hash(IngestItem item) {
        try {
            byte[] canonical = json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an item", e);
        }
    }

    /** The customers, managers and people a batch names, loaded once. */
    private record References(Map<String, Customer> customers, Map<String, Manager> managers, Map<String, ContactPerson> people) {

        ContactPerson person(String externalId, String customerExternalId) {
            ContactPerson person = people.get(externalId);
            if (person == null) {
                throw new UnknownRecordException("personExternalId", "person", externalId);
            }
            if (!person.customer.externalId.equals(customerExternalId)) {
                throw UnknownRecordException.personOf("personExternalId", externalId, customerExternalId);
            }
            return person;
        }

        Customer customer(String externalId, String field) {
            Customer customer = customers.get(externalId);
            if (customer == null) {
                throw new UnknownRecordException(field, "customer", externalId);
            }
            return customer;
        }

        Manager manager(String externalId) {
            if (externalId == null) {
                return null;
            }
            Manager manager = managers.get(externalId);
            if (manager == null) {
                throw new UnknownRecordException("managerExternalId", "manager", externalId);
            }
            return manager;
        }
    }
}
