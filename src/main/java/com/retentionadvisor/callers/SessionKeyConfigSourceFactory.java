package com.retentionadvisor.callers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The key that encrypts the sign-in cookies: quarkus.http.auth.session.encryption-key (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY)
 * when it is set; else the one in retention.security.session-key-file, made there once (dev mode keeps it in .data/);
 * else one made for this run alone, with a warning that sessions end at a restart. Never one from the repository,
 * and never written to the log (Quarkus' own fallback would log it).
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String KEY_FILE = "retention.security.session-key-file";
    private static final Logger LOG = Logger.getLogger(SessionKeyConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || isSet(context.getValue(KEY))) {
            return List.of();
        }
        ConfigValue file = context.getValue(KEY_FILE);
        String key;
        if (isSet(file)) {
            key = fromFile(Path.of(file.getValue()));
        } else {
            key = newKey();
            LOG.warn("No " + KEY + " (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) is set: the sign-in cookies use a key made for "
                    + "this run, so everyone signed in must sign in again after a restart, and instances do not share sessions");
        }
        // Above the environment (300): an empty QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, as compose passes it, counts as unset.
        return List.of(new PropertiesConfigSource(Map.of(KEY, key), "session-key", 350));
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String key = newKey();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debugf("%s: no POSIX permissions on this file system", file);
            }
            LOG.infof("The key for the sign-in cookies was made and kept in %s", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the session key file " + file, e);
        }
    }

    private static String newKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
