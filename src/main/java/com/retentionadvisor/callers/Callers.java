package com.retentionadvisor.callers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.problems.ConflictException;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;

/**
 * The callers of the advisor and their secrets: issues, lists and revokes API keys, creates and disables people, and
 * checks a key, a password or a signed-in session against the store. No secret is kept: a key as its SHA-256 hash,
 * a password as a bcrypt hash.
 */
@ApplicationScoped
public class Callers {

    /** An issued key: "ra_" and 32 random bytes in base64url. */
    static final String KEY_START = "ra_";
    static final int PREFIX_LENGTH = 12;
    // A key someone chose (the demo's or a bootstrap key from the environment) is at least this long.
    static final int MIN_KEY_LENGTH = 32;
    static final int MAX_KEY_LENGTH = 200;
    static final int MIN_PASSWORD_LENGTH = 12;
    // bcrypt reads no more than 72 bytes of a password.
    static final int MAX_PASSWORD_BYTES = 72;
    // A key's last use is written at most this often, not on every request.
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, CheckedKey> checkedKeys = new ConcurrentHashMap<>();
    private final AtomicLong keysGeneration = new AtomicLong();
    private long keyCacheNanos;

    @Inject
    Event<KeysChanged> keysChanged;

    @Inject
    SecurityConfig config;

    @PostConstruct
    void rememberKeysFor() {
        keyCacheNanos = config.keyCache().toNanos();
    }

    /** A key as it is issued: the only time the key itself is seen. */
    public record IssuedKey(long id, String name, String role, String managerExternalId, String prefix, Instant createdAt,
            String createdBy, String key) {

        static IssuedKey of(KeyView view, String key) {
            return new IssuedKey(view.id(), view.name(), view.role(), view.managerExternalId(), view.prefix(), view.createdAt(),
                    view.createdBy(), key);
        }
    }

    /** A person as created; the password only when the advisor chose it, and only in this answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedUser(String username, String role, String managerExternalId, Instant createdAt, String createdBy,
            String password) {

        static CreatedUser of(UserView view, String generatedPassword) {
            return new CreatedUser(view.username(), view.role(), view.managerExternalId(), view.createdAt(), view.createdBy(),
                    generatedPassword);
        }
    }

    @Transactional
    public IssuedKey issueKey(String name, String role, String managerExternalId, String createdBy) {
        String secret = newKey();
        return IssuedKey.of(store(secret, name, role, managerExternalId, createdBy), secret);
    }

    /**
     * Makes the given key the active key of its name, revoking the one before (the demo's keys, a bootstrap key from
     * the environment); nothing changes when it is already.
     */
    @Transactional
    public KeyView replaceKey(String secret, String name, String role, String managerExternalId, String createdBy) {
        keysChanged.fire(new KeysChanged());
        if (secret == null || secret.length() < MIN_KEY_LENGTH || secret.length() > MAX_KEY_LENGTH) {
            throw InvalidInputException.of("key", "a key has " + MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH + " characters");
        }
        List<FieldProblem> problems = callerProblems("name", name, role, managerExternalId);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<ApiKey> same = ApiKey.findByHash(hash(secret));
        ApiKey.findActiveByName(name).filter(active -> same.map(key -> !key.id.equals(active.id)).orElse(true))
                .ifPresent(previous -> previous.revokedAt = Instant.now());
        ApiKey.flush();
        if (same.isEmpty()) {
            return store(secret, name, role, managerExternalId, createdBy);
        }
        ApiKey key = same.get();
        key.name = name;
        key.role = role;
        key.managerExternalId = managerExternalId;
        key.revokedAt = null;
        return KeyView.of(key);
    }

    @Transactional
    public List<KeyView> keys() {
        return ApiKey.listNewestFirst().stream().map(KeyView::of).toList();
    }

    /** Revokes the key at once: the next request with it is turned away. Empty when there is no such key. */
    @Transactional
    public Optional<KeyView> revokeKey(long id) {
        keysChanged.fire(new KeysChanged());
        return ApiKey.<ApiKey>findByIdOptional(id).map(key -> {
            if (key.revokedAt == null) {
                key.revokedAt = Instant.now();
            }
            return KeyView.of(key);
        });
    }

    /** Creates a person; without a password the advisor chooses one and answers it, once. */
    @Transactional
    public CreatedUser createUser(String username, String password, String role, String managerExternalId, String createdBy) {
        List<FieldProblem> problems = new ArrayList<>(callerProblems("username", username, role, managerExternalId));
        String chosen = password == null ? newPassword() : password;
        problems.addAll(passwordProblems(chosen));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (AppUser.findByUsername(username).isPresent()) {
            throw new ConflictException("a person named '" + username + "' exists already");
        }
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(chosen);
        user.role = role;
        user.managerExternalId = managerExternalId;
        user.createdAt = Instant.now();
        user.createdBy = createdBy;
        user.persist();
        return CreatedUser.of(UserView.of(user), password == null ? chosen : null);
    }

    /** Creates the person, or gives them this password and role again (the demo's people, a bootstrap admin). */
    @Transactional
    public UserView resetUser(String username, String password, String role, String managerExternalId, String createdBy) {
        List<FieldProblem> problems = new ArrayList<>(callerProblems("username", username, role, managerExternalId));
        problems.addAll(passwordProblems(password));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AppUser user = AppUser.findByUsername(username).orElseGet(AppUser::new);
        if (user.id == null) {
            user.username = username;
            user.createdAt = Instant.now();
            user.createdBy = createdBy;
        }
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.role = role;
        user.managerExternalId = managerExternalId;
        user.disabledAt = null;
        user.persist();
        return UserView.of(user);
    }

    @Transactional
    public List<UserView> users() {
        return AppUser.listByUsername().stream().map(UserView::of).toList();
    }

    /** Disables the person at once: their session ends with their next request. Empty when there is no such person. */
    @Transactional
    public Optional<UserView> disableUser(String username) {
        return AppUser.findByUsername(username).map(user -> {
            if (user.disabledAt == null) {
                user.disabledAt = Instant.now();
            }
            return UserView.of(user);
        });
    }

    /** Whether anyone could manage the callers: an admin who can sign in or an admin key. */
    @Transactional
    public boolean anyAdmin() {
        return AppUser.anyActiveAdmin() || ApiKey.anyActiveAdmin();
    }

    /**
     * The caller a key belongs to, if it is known and not revoked; its last use is noted. A key checked in the last
     * retention.security.key-cache (30 s) is answered from memory, without the database: most calls then cost no
     * transaction for their caller. Revoking or replacing a key here empties the memory once it is committed; another
     * instance stops accepting a key revoked elsewhere within that time.
     */
    public Optional<Caller> callerForKey(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH || secret.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = hash(secret);
        String remembered = HexFormat.of().formatHex(hash);
        long now = System.nanoTime();
        CheckedKey checked = checkedKeys.get(remembered);
        if (checked != null && now - checked.at() < keyCacheNanos) {
            return Optional.of(checked.caller());
        }
        long generation = keysGeneration.get();
        Optional<Caller> caller = QuarkusTransaction.requiringNew().call(() -> lookUp(secret, hash));
        // Not kept when a key was revoked or replaced meanwhile: what was read may predate it.
        if (caller.isPresent() && keyCacheNanos > 0 && keysGeneration.get() == generation) {
            checkedKeys.put(remembered, new CheckedKey(caller.get(), now));
        }
        return caller;
    }

    private Optional<Caller> lookUp(String secret, byte[] hash) {
        for (ApiKey key : ApiKey.listActiveByPrefix(secret.substring(0, PREFIX_LENGTH))) {
            if (MessageDigest.isEqual(key.keyHash, hash)) {
                Instant now = Instant.now();
                if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                    key.lastUsedAt = now;
                }
                return Optional.of(Caller.of(key));
            }
        }
        return Optional.empty();
    }

    /** A key found valid, and when (System.nanoTime). */
    private record CheckedKey(Caller caller, long at) {
    }

    /** Fired when a key is revoked or replaced: the keys in memory are forgotten once that is committed. */
    record KeysChanged() {
    }

    void forgetCheckedKeys(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeysChanged changed) {
        keysGeneration.incrementAndGet();
        checkedKeys.clear();
    }

    /** The person, if the password is theirs and they are not disabled. As slow for an unknown name as for a known one. */
    @Transactional
    public Optional<Caller> callerForPassword(String username, String password) {
        Optional<AppUser> user = username == null ? Optional.empty() : AppUser.findActiveByUsername(username);
        String hash = user.map(found -> found.passwordHash).orElseGet(UnknownUser::hash);
        boolean matches = password != null && BcryptUtil.matches(password, hash);
        return user.filter(found -> matches).map(Caller::of);
    }

    /** The person a session cookie names, while they are not disabled. */
    @Transactional
    public Optional<Caller> callerForSession(String username) {
        return AppUser.findActiveByUsername(username).map(Caller::of);
    }

    private KeyView store(String secret, String name, String role, String managerExternalId, String createdBy) {
        List<FieldProblem> problems = callerProblems("name", name, role, managerExternalId);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (ApiKey.findActiveByName(name).isPresent()) {
            throw new ConflictException("an active key named '" + name + "' exists already: revoke it first, or choose another name");
        }
        ApiKey key = new ApiKey();
        key.name = name;
        key.role = role;
        key.prefix = secret.substring(0, PREFIX_LENGTH);
        key.keyHash = hash(secret);
        key.managerExternalId = managerExternalId;
        key.createdAt = Instant.now();
        key.createdBy = createdBy;
        key.persist();
        return KeyView.of(key);
    }

    private static List<FieldProblem> callerProblems(String nameField, String name, String role, String managerExternalId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(FieldProblem.ofField(nameField, "1 to 100 letters, digits and . _ @ -, starting with a letter or digit"));
        }
        if (role == null || !Roles.ALL.contains(role)) {
            problems.add(FieldProblem.ofField("role", "'" + role + "' is not one of " + String.join(", ", Roles.ALL)));
        } else if (Roles.MANAGER.equals(role) && (managerExternalId == null || managerExternalId.isBlank())) {
            problems.add(FieldProblem.ofField("managerExternalId", "a manager caller sees the customers of one manager: name them"));
        } else if (!Roles.MANAGER.equals(role) && managerExternalId != null) {
            problems.add(FieldProblem.ofField("managerExternalId", "only a manager caller is tied to a manager"));
        }
        if (managerExternalId != null && managerExternalId.length() > 100) {
            problems.add(FieldProblem.ofField("managerExternalId", "at most 100 characters"));
        }
        return problems;
    }

    private static List<FieldProblem> passwordProblems(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return List.of(FieldProblem.ofField("password", MIN_PASSWORD_LENGTH + " characters at least, "
                    + MAX_PASSWORD_BYTES + " bytes at most"));
        }
        return List.of();
    }

    /** A new API key: "ra_" and 32 random bytes in base64url. */
    public static String newKey() {
        return KEY_START + randomText(32);
    }

    /** A new password: 18 random bytes in base64url. */
    public static String newPassword() {
        return randomText(18);
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** SHA-256 of a secret (an API key, a credential header): what is kept or compared instead of it. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // A hash to check a password against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static final class UnknownUser {
        private static final String HASH = BcryptUtil.bcryptHash(randomText(18));

        static String hash() {
            return HASH;
        }
    }
}
