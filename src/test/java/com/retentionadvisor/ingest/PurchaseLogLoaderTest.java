package com.retentionadvisor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import com.retentionadvisor.callers.Callers;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.CustomerStatus;
import com.retentionadvisor.deals.Deal;
import com.retentionadvisor.deals.DealStatus;

/**
 * The real-data benchmark's loader (bench/load/PurchaseLogLoader.java, run as bench/real-data.sh runs it) on an excerpt
 * of the UCI purchase log written here, line for line as the file has it: through the public batch API, every invoice
 * that is not a cancellation becomes a WON deal of its amount and time, every customer with one is created at their
 * first, and the rest is left out.
 */
@QuarkusTest
class PurchaseLogLoaderTest {

    private static final String EXCERPT = """
            customer_id,invoice_no,invoiced_at,amount,country,lines,cancelled
            17850,536365,2010-12-01T08:26:00Z,139.12,United Kingdom,7,false
            17850,536366,2010-12-01T08:28:00Z,22.20,United Kingdom,2,false
            12583,536370,2010-12-01T08:45:00Z,855.86,France,20,false
            14527,C536379,2010-12-01T09:41:00Z,-27.50,United Kingdom,1,true
            17850,536396,2010-12-01T10:51:00Z,376.36,United Kingdom,18,false
            """;

    @TestHTTPResource("/")
    URL service;

    @Inject
    Callers callers;

    @Test
    void shouldStoreEveryInvoiceThatIsNoCancellationAsAWonDealOfItsCustomer(@TempDir Path folder) throws Exception {
        Path excerpt = folder.resolve("invoices.csv");
        Files.writeString(excerpt, EXCERPT);
        String key = callers.issueKey("loader-" + System.nanoTime(), Roles.CRM, null, "test").key();

        ProcessBuilder run = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "bench/load/PurchaseLogLoader.java", "--data", excerpt.toString(), "--url", service.toString(), "--batch", "2")
                .redirectErrorStream(true).redirectOutput(folder.resolve("loader.log").toFile());
        run.environment().put("RETENTION_API_KEY", key);
        Process loader = run.start();
        assertTrue(loader.waitFor(120, TimeUnit.SECONDS), "the loader ended");
        String log = Files.readString(folder.resolve("loader.log"), StandardCharsets.UTF_8);
        assertEquals(0, loader.exitValue(), log);
        assertTrue(log.contains("loaded 2 customers and 4 orders") && log.contains("1 cancellations, 1 customers with nothing but cancellations"), log);

        QuarkusTransaction.requiringNew().run(() -> {
            Customer uk = Customer.findByExternalId("RETAIL-17850").orElseThrow();
            assertEquals("Customer 17850 (United Kingdom)", uk.name);
            assertEquals("SMB", uk.segment);
            assertEquals(CustomerStatus.ACTIVE, uk.status);
            assertEquals(Instant.parse("2010-12-01T08:26:00Z"), uk.createdAt);
            Deal later = Deal.<Deal>find("externalId", "536396").firstResult();
            assertEquals("RETAIL-17850", later.customer.externalId);
            assertEquals(DealStatus.WON, later.status);
            assertEquals(0, new BigDecimal("376.36").compareTo(later.amount));
            assertEquals("GBP", later.currency);
            assertEquals(Instant.parse("2010-12-01T10:51:00Z"), later.closedAt);
            assertEquals(later.closedAt, later.openedAt);
            assertEquals(List.of("536365", "536366", "536396"), Deal.<Deal>list("customer.externalId = ?1 order by closedAt", "RETAIL-17850")
                    .stream().map(deal -> deal.externalId).toList());
            assertEquals(Instant.parse("2010-12-01T08:45:00Z"), Customer.findByExternalId("RETAIL-12583").orElseThrow().createdAt);
            assertTrue(Customer.findByExternalId("RETAIL-14527").isEmpty(), "a customer with nothing but cancellations is left out");
            assertEquals(0, Deal.count("externalId", "C536379"), "a cancellation is no order");
        });
    }

    @Test
    void shouldRefuseAFileThatIsNotThePurchaseLog(@TempDir Path folder) throws IOException, InterruptedException {
        Path other = folder.resolve("other.csv");
        Files.writeString(other, "id,when\n1,yesterday\n");

        Process loader = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "bench/load/PurchaseLogLoader.java", "--data", other.toString(), "--dry-run")
                .redirectErrorStream(true).redirectOutput(folder.resolve("loader.log").toFile()).start();

        assertTrue(loader.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, loader.exitValue());
        assertTrue(Files.readString(folder.resolve("loader.log")).contains("the header is not"));
    }
}
