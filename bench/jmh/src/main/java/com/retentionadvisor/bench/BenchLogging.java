package com.retentionadvisor.bench;

/**
 * Logging in the benchmark JVMs as in the service. On the class path the Quarkus bootstrap's JBoss LogManager
 * configurator logs at level ALL until Quarkus configures logging, which a plain JVM never does: Drools' trace
 * messages would then be formatted and queued on every evaluation (about half its time). The service logs at INFO.
 */
final class BenchLogging {

    static final String LEVEL = "-Dlogging.initial-configurator.min-level=INFO";

    private BenchLogging() {
    }
}
