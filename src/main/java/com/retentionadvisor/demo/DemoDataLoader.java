package com.retentionadvisor.demo;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.ingest.BatchIngestService;
import com.retentionadvisor.ingest.BatchResult;
import com.retentionadvisor.ingest.ItemOutcome;
import com.retentionadvisor.ingest.IngestItem;
import com.retentionadvisor.records.IngestedRecord;
import com.retentionadvisor.ingest.RecordKind;
import com.retentionadvisor.ingest.RecordKinds;

/** Loads the demo base at startup when retention.demo.enabled is true, through the same ingest path a CRM uses. */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final int BATCH = 5000;

    @Inject
    DemoConfig config;

    @Inject
    BatchIngestService ingest;

    @Inject
    RecordKinds kinds;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (Customer.findByExternalId(DemoData.customerId(1)).isPresent()) {
            LOG.infof("Demo data already loaded; try: curl localhost:8080/api/customers/%s/advice", DemoData.customerId(5));
            return;
        }
        long started = System.nanoTime();
        DemoData data = DemoData.generate(config.customers(), config.seed(), Instant.now());
        load(data);
        LOG.infof("Demo data loaded in %d ms: %d customers, %d contacts, %d deals; try: curl localhost:8080/api/customers/%s/advice",
                (System.nanoTime() - started) / 1_000_000, data.customers.size(), data.contacts.size(), data.deals.size(),
                DemoData.customerId(5));
    }

    /** Pushes a generated base through the ingest path, every kind of record in the order they refer to each other. */
    void load(DemoData data) {
        load(kinds.managers(), data.managers);
        load(kinds.customers(), data.customers);
        load(kinds.assignments(), data.assignments);
        load(kinds.contacts(), data.contacts);
        load(kinds.deals(), data.deals);
        load(kinds.subscriptions(), data.subscriptions);
        load(kinds.surveys(), data.surveys);
        load(kinds.emailEvents(), data.emailEvents);
        load(kinds.tickets(), data.tickets);
    }

    private <I extends IngestItem, R extends IngestedRecord> void load(RecordKind<I, R> kind, List<I> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            BatchResult result = ingest.ingest(kind, items.subList(from, Math.min(items.size(), from + BATCH)));
            result.items().stream().filter(item -> item.result() == ItemOutcome.REJECTED).limit(5)
                    .forEach(item -> LOG.warnf("Demo %s %s rejected: %s", kind.name(), item.externalId(), item.reason()));
        }
    }
}
