package news.dispatch.article.preview;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.access.CurrentCaller;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleRepository;
import news.dispatch.article.ArticleService;
import news.dispatch.article.ArticleShape;
import news.dispatch.article.ArticleStatus;
import news.dispatch.common.Ids;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Preview links (issue 31, part 3; docs/decisions/152): an editor makes a token for one draft or scheduled article,
 * valid for at most 7 days and revocable; {@code GET /v1/articles/{id}?preview=<token>} shows that article, and a token
 * opens nothing else. Tokens are 256 random bits, base64url with a {@code pv_} prefix; only their SHA-256 hash is
 * stored, as for API keys.
 */
@ApplicationScoped
public class PreviewService {

    static final String PREFIX = "pv_";
    /** The longest a link may last. */
    static final Duration MAX_LIFE = Duration.ofDays(7);
    /** How long a link lasts when the editor does not say. */
    static final Duration DEFAULT_LIFE = Duration.ofHours(48);
    /** prefix + 43 base64url characters of 32 bytes. */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ArticleRepository articles;
    private final ArticleService reads;
    private final CurrentCaller caller;
    private final Clock clock;

    public PreviewService(ArticleRepository articles, ArticleService reads, CurrentCaller caller, Clock clock) {
        this.articles = articles;
        this.reads = reads;
        this.caller = caller;
        this.clock = clock;
    }

    /** A new link for a draft or scheduled article; the answer holds its token, shown this once. */
    @Transactional
    public PreviewView create(String slugOrId, PreviewInput input) {
        Article article = articles.findLive(slugOrId).orElseThrow(() -> ProblemException.notFound("article", slugOrId));
        if (!previewable(article)) {
            throw ProblemException.conflict("Only a draft or scheduled article has preview links; this one is "
                    + article.status.name().toLowerCase(java.util.Locale.ROOT)
                    + (article.status == ArticleStatus.PUBLISHED ? ": its URL is public." : "."));
        }
        Instant now = now();
        Instant expires = input == null || input.expiresAt() == null ? now.plus(DEFAULT_LIFE)
                : input.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        if (!expires.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        if (expires.isAfter(now.plus(MAX_LIFE))) {
            throw ProblemException.invalid("expiresAt", "must be at most 7 days from now (" + now.plus(MAX_LIFE) + ")");
        }
        String token = generate();
        ArticlePreview preview = new ArticlePreview();
        preview.article = article;
        preview.tokenHash = hash(token);
        preview.createdAt = now;
        preview.expiresAt = expires;
        preview.createdBy = caller.get().keyId();
        Panache.getEntityManager().persist(preview);
        return view(preview, article, token);
    }

    /** The article's links, newest first, without their tokens. */
    @ReadOnlyTransaction
    public List<PreviewView> list(String slugOrId) {
        Article article = articles.findLive(slugOrId).orElseThrow(() -> ProblemException.notFound("article", slugOrId));
        return Panache.getEntityManager().createQuery("select p from ArticlePreview p where p.article.id = :id"
                        + " order by p.createdAt desc, p.id desc", ArticlePreview.class)
                .setParameter("id", article.id).setMaxResults(100).getResultList()
                .stream().map(p -> view(p, article, null)).toList();
    }

    /** Revokes a link of the article (again: nothing changes); 404 for a link of another article. */
    @Transactional
    public void revoke(String slugOrId, String previewId) {
        Article article = articles.findLive(slugOrId).orElseThrow(() -> ProblemException.notFound("article", slugOrId));
        UUID id = Ids.parse(previewId).orElseThrow(() -> ProblemException.notFound("preview", previewId));
        ArticlePreview preview = Panache.getEntityManager().find(ArticlePreview.class, id);
        if (preview == null || !preview.article.id.equals(article.id)) {
            throw ProblemException.notFound("preview", previewId);
        }
        if (preview.revokedAt == null) {
            preview.revokedAt = now();
        }
    }

    /**
     * What {@code GET /v1/articles/{slugOrId}?preview=<token>} shows: the article of the token, when the path names it
     * (by id or its current slug). 404 for a token that is not one, or not this article's (nothing said of either);
     * 410 for this article's token once it expired or was revoked, or once the article left draft and scheduled.
     * Read on the primary database: a link just made must work at once.
     */
    @ReadOnlyTransaction
    public ArticleService.Lookup read(String slugOrId, String token, ArticleShape shape) {
        if (token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            throw invalidToken();
        }
        List<ArticlePreview> found = Panache.getEntityManager().createQuery("select p from ArticlePreview p"
                        + " join fetch p.article a where p.tokenHash = :hash", ArticlePreview.class)
                .setParameter("hash", hash(token)).getResultList();
        if (found.isEmpty()) {
            throw invalidToken();
        }
        ArticlePreview preview = found.get(0);
        Article article = preview.article;
        if (!slugOrId.equals(article.id.toString()) && !slugOrId.equals(article.slug)) {
            throw invalidToken();
        }
        Instant now = Instant.now(clock);
        if (preview.revokedAt != null) {
            throw ended("was revoked at " + preview.revokedAt);
        }
        if (!preview.expiresAt.isAfter(now)) {
            throw ended("expired at " + preview.expiresAt);
        }
        if (article.deletedAt != null || !previewable(article)) {
            throw ended("ended: the article is no longer a draft or scheduled");
        }
        return reads.preview(article.id, shape).orElseThrow(() -> ended("ended: the article is no longer a draft or scheduled"));
    }

    private static boolean previewable(Article a) {
        return a.deletedAt == null && (a.status == ArticleStatus.DRAFT || a.status == ArticleStatus.SCHEDULED);
    }

    private static ProblemException invalidToken() {
        return new ProblemException(ProblemType.NOT_FOUND, "No preview of this article has that token.");
    }

    private static ProblemException ended(String what) {
        return new ProblemException(ProblemType.GONE, "This preview link " + what + ". Ask the newsroom for a new one.");
    }

    private PreviewView view(ArticlePreview p, Article article, String token) {
        boolean active = p.revokedAt == null && p.expiresAt.isAfter(Instant.now(clock)) && previewable(article);
        return new PreviewView(p.id, article.id, token, token == null ? null : "/v1/articles/" + article.id + "?preview=" + token,
                p.createdAt, p.expiresAt, p.revokedAt, active);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
