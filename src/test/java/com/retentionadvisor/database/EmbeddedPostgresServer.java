package com.retentionadvisor.database;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The embedded PostgreSQL the test JVM shares across test classes, stopped and started again the way zonky runs it:
 * {@code pg_ctl} on its data directory (under {@code unshare -U} as root). A restart reuses the options of the last
 * start ({@code postmaster.opts}), so it comes back on the same port and the advisor's datasource URL stays right.
 */
public final class EmbeddedPostgresServer {

    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Path pgCtl;

    private EmbeddedPostgresServer(Path dataDirectory, Path pgCtl) {
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
    }

    /** The server behind the running tests; the test is skipped when they run against a PostgreSQL of their own. */
    public static EmbeddedPostgresServer ofTheTests() throws IOException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        assumeTrue(url.equals(System.getProperty(EmbeddedDatabase.RUNNING_URL)),
                "the tests run against a PostgreSQL of their own (" + url + "), which they may not stop");
        Path dataDirectory = Path.of(config.getValue(EmbeddedDatabaseConfigSourceFactory.DATA_DIR, String.class)).toAbsolutePath();
        // The first word of postmaster.opts is the postgres binary the server was started with; pg_ctl lies beside it.
        String opts = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
        Path postgres = Path.of(opts.substring(0, opts.indexOf(' ')));
        return new EmbeddedPostgresServer(dataDirectory, postgres.resolveSibling("pg_ctl"));
    }

    /** A fast shutdown: open transactions are rolled back, clients are disconnected. */
    public void stop() {
        pgCtl("stop", "-m", "fast");
    }

    /** Starts it again with the options of its last start, and waits until it takes connections. */
    public void start() {
        pgCtl("restart");
    }

    /**
     * Freezes the server without stopping it, as a machine that hangs does: SIGSTOP to the postmaster and every
     * backend. Connections stay open and new ones are accepted by the kernel, but nothing answers.
     */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a paused server go on where it stopped (SIGCONT). */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new IllegalStateException("the server's postmaster.pid cannot be read", e);
        }
        List<String> command = new ArrayList<>(List.of("kill", which, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(server -> server.descendants().forEach(backend -> command.add(String.valueOf(backend.pid()))));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    public boolean isRunning() {
        return Files.exists(dataDirectory.resolve("postmaster.pid"));
    }

    private void pgCtl(String... action) {
        // pg_ctl's output, and the server's once started again, go to a file: a pipe would be held open by the server.
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-pg_ctl.log");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-l", log.toString(), "-w", "-t", "20"));
        command.addAll(List.of(action));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            boolean ended = process.waitFor(PG_CTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
