package news.dispatch.access;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ApiKeyService {

    static final String ORDER = "created";

    private final ApiKeyRepository keys;
    private final KeyScopes.Sections sections;
    private final KeyScopes.Tags tags;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, KeyScopes.Sections sections, KeyScopes.Tags tags, Clock clock) {
        this.keys = keys;
        this.sections = sections;
        this.tags = tags;
        this.clock = clock;
    }

    /** The caller a presented secret stands for; empty for an unknown or revoked key. */
    @ReadOnlyTransaction
    public Optional<Authenticated> authenticate(String secret) {
        return keys.findBySecretHash(ApiKeySecrets.hash(secret))
                .filter(k -> k.revokedAt == null)
                .map(k -> new Authenticated(new Caller(k.role, k.id, k.fullText, Set.copyOf(ids(k.sectionIds)),
                        Set.copyOf(ids(k.tagIds)), k.earlyDelivery), k.rateLimit));
    }

    /** The caller a key stands for, by its id; empty for an unknown or revoked key (webhooks of a key, decision 162). */
    @ReadOnlyTransaction
    public Optional<Caller> caller(UUID keyId) {
        return keys.findByIdOptional(keyId).filter(k -> k.revokedAt == null)
                .map(k -> new Caller(k.role, k.id, k.fullText, Set.copyOf(ids(k.sectionIds)), Set.copyOf(ids(k.tagIds)),
                        k.earlyDelivery));
    }

    /** A caller with the key's own rate limit (null: the role's default). */
    public record Authenticated(Caller caller, Integer rateLimit) {
    }

    @Transactional
    public ApiKeyCreated create(ApiKeyInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.role() == Role.ANONYMOUS) {
            errors.add(new FieldError("role", "must be partner, editor or admin"));
        }
        Set<UUID> sectionIds = new LinkedHashSet<>();
        List<String> sectionKeys = input.sections() == null ? List.of() : input.sections();
        for (int i = 0; i < sectionKeys.size(); i++) {
            Optional<UUID> s = sections.sectionId(sectionKeys.get(i));
            if (s.isEmpty()) {
                errors.add(new FieldError("sections[" + i + "]", "no section '" + sectionKeys.get(i) + "'"));
            } else {
                sectionIds.add(s.get());
            }
        }
        Set<UUID> tagIds = new LinkedHashSet<>();
        List<String> tagKeys = input.tags() == null ? List.of() : input.tags();
        for (int i = 0; i < tagKeys.size(); i++) {
            Optional<UUID> t = tags.tagId(tagKeys.get(i));
            if (t.isEmpty()) {
                errors.add(new FieldError("tags[" + i + "]", "no tag '" + tagKeys.get(i) + "'"));
            } else {
                tagIds.add(t.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.name = input.name().trim();
        key.role = input.role();
        key.fullText = Boolean.TRUE.equals(input.fullText());
        key.earlyDelivery = Boolean.TRUE.equals(input.earlyDelivery());
        key.sectionIds = join(sectionIds);
        key.tagIds = join(tagIds);
        key.rateLimit = input.rateLimit();
        key.prefix = ApiKeySecrets.displayPrefix(secret);
        key.secretHash = ApiKeySecrets.hash(secret);
        key.createdAt = now();
        keys.persist(key);
        Log.infof("API key %s (%s) created", key.id, key.role.value());
        return new ApiKeyCreated(ApiKeyView.of(key), secret);
    }

    /** Makes sure the configured bootstrap admin key exists; a key revoked through the API stays revoked. */
    @Transactional
    public void ensureAdminKey(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        Optional<ApiKey> existing = keys.findBySecretHash(hash);
        if (existing.isPresent()) {
            if (existing.get().revokedAt != null) {
                Log.warn("The configured admin key (dispatch.access.admin-key) was revoked and stays revoked");
            }
            return;
        }
        ApiKey key = new ApiKey();
        key.name = "Bootstrap admin key (configuration)";
        key.role = Role.ADMIN;
        key.prefix = ApiKeySecrets.displayPrefix(secret);
        key.secretHash = hash;
        key.createdAt = now();
        keys.persist(key);
        Log.infof("Bootstrap admin key %s registered from configuration", key.id);
    }

    @ReadOnlyTransaction
    public ApiKeyView get(String id) {
        return ApiKeyView.of(require(id));
    }

    @ReadOnlyTransaction
    public Page<ApiKeyView> list(int limit, Cursor cursor, boolean count) {
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                afterCreated = Instant.parse(cursor.key());
                afterId = UUID.fromString(cursor.id());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<ApiKey> rows = keys.findPage(afterCreated, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<ApiKey> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(ORDER, page.get(limit - 1).createdAt.toString(), page.get(limit - 1).id.toString()).encode()
                : null;
        return new Page<>(page.stream().map(ApiKeyView::of).toList(), new PageInfo(limit, next, count ? keys.count() : null));
    }

    /** Revokes a key; from the commit on, requests with it get 401. Revoking twice is harmless. */
    @Transactional
    public void revoke(String id) {
        ApiKey key = require(id);
        if (key.revokedAt == null) {
            key.revokedAt = now();
            Log.infof("API key %s revoked", key.id);
        }
    }

    private ApiKey require(String id) {
        return news.dispatch.common.Ids.parse(id).flatMap(keys::findByIdOptional)
                .orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static List<UUID> ids(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
    }

    private static String join(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
