package news.dispatch.syndication.webhook;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.change.ChangeFeed;
import news.dispatch.change.ChangeType;
import news.dispatch.common.ApiEnum;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.Params;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registration of webhook receivers and the delivery log (the resource admits admins only). */
@ApplicationScoped
public class WebhookService {

    private final EntityManager em;
    private final ChangeFeed feed;
    private final Clock clock;
    private final WebhookTargets targets;
    private final news.dispatch.access.ApiKeyService keys;

    public WebhookService(EntityManager em, ChangeFeed feed, Clock clock, WebhookTargets targets,
                          news.dispatch.access.ApiKeyService keys) {
        this.keys = keys;
        this.em = em;
        this.feed = feed;
        this.clock = clock;
        this.targets = targets;
    }

    /** Registers a receiver; it gets the changes committed from now on. */
    @Transactional
    public WebhookView create(WebhookInput input) {
        return create(input, null);
    }

    /**
     * Registers a receiver for {@code owner}'s key (a partner managing its own, decision 162), or, with a null owner,
     * an admin's receiver, for the key the input names if any.
     */
    @Transactional
    public WebhookView create(WebhookInput input, UUID owner) {
        List<FieldError> errors = new ArrayList<>();
        UUID key = owner;
        if (owner != null && input.apiKey() != null && !input.apiKey().equals(owner)) {
            errors.add(new FieldError("apiKey", "a partner registers webhooks for its own key only; leave it out"));
        } else if (owner == null && input.apiKey() != null) {
            var named = keys.caller(input.apiKey());
            if (named.isEmpty() || named.get().role() != news.dispatch.access.Role.PARTNER) {
                errors.add(new FieldError("apiKey", "names no partner key in use"));
            }
            key = input.apiKey();
        }
        String url = url(input.url(), errors);
        Set<ChangeType> types = new LinkedHashSet<>();
        for (int i = 0; i < input.eventTypes().size(); i++) {
            String value = input.eventTypes().get(i);
            int index = i;
            ApiEnum.parse(ChangeType.class, value).ifPresentOrElse(types::add, () -> errors.add(
                    new FieldError("eventTypes[" + index + "]", "must be " + ApiEnum.choices(ChangeType.class))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Webhook w = new Webhook();
        w.url = url;
        w.eventTypes = types.stream().map(ChangeType::value).collect(Collectors.joining(","));
        w.secret = input.secret();
        w.description = input.description();
        w.keyId = key;
        w.lastSeq = feed.head();
        w.createdAt = w.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        em.persist(w);
        Log.infof("Webhook %s registered", w.id);
        return view(w);
    }

    @ReadOnlyTransaction
    public WebhookView get(String id) {
        return get(id, null);
    }

    /** A receiver; a partner ({@code owner} not null) sees its own only (404 for the others). */
    @ReadOnlyTransaction
    public WebhookView get(String id, UUID owner) {
        return view(find(id, owner));
    }

    @ReadOnlyTransaction
    public Page<WebhookView> list(String limitParam, String cursorParam) {
        return list(limitParam, cursorParam, null);
    }

    /** Every receiver, or a partner's ({@code owner} not null) own. */
    @ReadOnlyTransaction
    public Page<WebhookView> list(String limitParam, String cursorParam, UUID owner) {
        List<FieldError> errors = new ArrayList<>();
        int limit = Params.limit(limitParam, errors);
        Cursor cursor = Params.cursor(cursorParam, "id", errors);
        UUID after = cursor == null ? null : uuid(cursor.id(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var query = em.createQuery("select w from Webhook w where 1 = 1" + (after == null ? "" : " and w.id > :after")
                + (owner == null ? "" : " and w.keyId = :owner") + " order by w.id", Webhook.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        List<Webhook> rows = query.setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Webhook> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor("id", "", page.get(page.size() - 1).id.toString()).encode() : null;
        return new Page<>(page.stream().map(this::view).toList(), new PageInfo(limit, next, null));
    }

    @Transactional
    public void delete(String id) {
        delete(id, null);
    }

    @Transactional
    public void delete(String id, UUID owner) {
        Webhook w = find(id, owner);
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :id").setParameter("id", w.id).executeUpdate();
        em.remove(w);
        Log.infof("Webhook %s deleted", w.id);
    }

    /** The delivery log of a receiver, newest first. */
    @ReadOnlyTransaction
    public Page<DeliveryView> deliveries(String id, String limitParam, String cursorParam) {
        return deliveries(id, limitParam, cursorParam, null);
    }

    @ReadOnlyTransaction
    public Page<DeliveryView> deliveries(String id, String limitParam, String cursorParam, UUID owner) {
        Webhook w = find(id, owner);
        List<FieldError> errors = new ArrayList<>();
        int limit = Params.limit(limitParam, errors);
        Cursor cursor = Params.cursor(cursorParam, "-id", errors);
        UUID before = cursor == null ? null : uuid(cursor.id(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var query = em.createQuery("select d from WebhookDelivery d where d.webhookId = :webhook"
                + (before == null ? "" : " and d.id < :before") + " order by d.id desc", WebhookDelivery.class)
                .setParameter("webhook", w.id);
        if (before != null) {
            query.setParameter("before", before);
        }
        List<WebhookDelivery> rows = query.setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<WebhookDelivery> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor("-id", "", page.get(page.size() - 1).id.toString()).encode() : null;
        return new Page<>(page.stream().map(WebhookService::view).toList(), new PageInfo(limit, next, null));
    }

    /** The receiver; with an owner, only one of that key (another's is a 404, as if it did not exist). */
    private Webhook find(String id, UUID owner) {
        return Ids.parse(id).map(uuid -> em.find(Webhook.class, uuid))
                .filter(w -> owner == null || owner.equals(w.keyId))
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
    }

    private WebhookView view(Webhook w) {
        List<ChangeType> types = Arrays.stream(w.eventTypes.split(","))
                .map(t -> ApiEnum.parse(ChangeType.class, t).orElseThrow()).toList();
        return new WebhookView(w.id, w.url, types, w.description, ChangeFeed.cursor(w.lastSeq), w.createdAt, w.keyId, w.active);
    }

    static DeliveryView view(WebhookDelivery d) {
        return new DeliveryView(d.id, d.seq, d.eventType, d.articleId, d.status, d.attempts,
                d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt, d.responseStatus, d.error,
                d.createdAt, d.deliveredAt);
    }

    private String url(String value, List<FieldError> errors) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getFragment() != null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL without credentials or fragment"));
                return null;
            }
            var refusal = targets.refusal(uri);
            if (refusal.isPresent()) {
                errors.add(new FieldError("url", refusal.get()));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "must be an absolute http or https URL without credentials or fragment"));
            return null;
        }
    }

    private static UUID uuid(String value, List<FieldError> errors) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API issued"));
            return null;
        }
    }
}
