package com.retentionadvisor.rulesets;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.rules.RulesConfig;

/**
 * Watches the rules folder (retention.rules.watch.enabled, on in dev mode) and, once a change has settled, has it
 * compiled, tested and put live; a folder that does not compile or whose scenarios fail leaves the live ruleset alone.
 */
@ApplicationScoped
public class RulesFolderWatcher {

    private static final Logger LOG = Logger.getLogger(RulesFolderWatcher.class);

    @Inject
    RulesConfig config;

    @Inject
    LiveRulesets liveRulesets;

    private WatchService watcher;

    // After the live ruleset has been chosen at start.
    void onStart(@Observes @Priority(3000) StartupEvent event) throws IOException {
        if (!config.watch().enabled()) {
            return;
        }
        Path folder = Path.of(config.dir()).toAbsolutePath();
        watcher = FileSystems.getDefault().newWatchService();
        registerTree(folder);
        Thread thread = new Thread(() -> watch(folder), "rules-folder-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s: changes go live %d ms after they settle, when they compile and their scenarios pass",
                folder, config.watch().settle().toMillis());
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void watch(Path folder) {
        long settleMillis = config.watch().settle().toMillis();
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Keep draining until the folder has been quiet for the settle time.
                while (key != null) {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll(settleMillis, TimeUnit.MILLISECONDS);
                }
                registerTree(folder);
                try {
                    liveRulesets.reloadFolder();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Reading the rules folder %s failed; the live ruleset keeps serving", folder);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException | IOException e) {
            LOG.debug("Rules folder watcher stopped", e);
        }
    }

    // Folders created since are watched too; registering a folder twice is harmless.
    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path dir : paths.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
