package news.dispatch.article;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;
import news.dispatch.section.Section;
import jakarta.persistence.PrePersist;
import news.dispatch.text.SearchFolding;
import org.hibernate.annotations.LazyGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "article")
public class Article extends BaseEntity implements Purgeable {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String headline;

    public String standfirst;

    @Column(name = "dateline_place")
    public String datelinePlace;

    @Column(name = "dateline_source")
    public String datelineSource;

    /**
     * Sanitised HTML. The body is loaded only when read (one statement for both forms): lists,
     * navigation and related posts show summaries and must not fetch ~10 KB per article.
     */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    /** The body as plain text, derived from the HTML (loaded with {@link #bodyHtml}). */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @Column(name = "body_text", nullable = false)
    public String bodyText;

    /**
     * The Arabic-script words of the headline, standfirst and body in Latin letters without accents, for search only
     * ({@link SearchFolding#latinWords}, docs/decisions/131-search-in-kurdish-and-arabic.md): indexed beside the text so
     * that {@code hewler} finds {@code هەولێر}. Set from the text whenever the article is written
     * ({@link #spellForSearch}); null for articles in English or Arabic and for text without Arabic script. Never read
     * by the API, and loaded only when written.
     */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("search")
    @Column(name = "latin_headline")
    public String latinHeadline;

    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("search")
    @Column(name = "latin_standfirst")
    public String latinStandfirst;

    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("search")
    @Column(name = "latin_body")
    public String latinBody;

    /** An uploaded image (news.dispatch.image), or null for an image given by URL only. */
    @Column(name = "lead_image_id")
    public java.util.UUID leadImageId;

    @Column(name = "lead_image_url")
    public String leadImageUrl;

    @Column(name = "lead_image_caption")
    public String leadImageCaption;

    @Column(name = "lead_image_credit")
    public String leadImageCredit;

    @Column(name = "lead_image_file_photo")
    public Boolean leadImageFilePhoto;

    @Column(name = "lead_image_alt")
    public String leadImageAlt;

    @Column(name = "lead_image_width")
    public Integer leadImageWidth;

    @Column(name = "lead_image_height")
    public Integer leadImageHeight;

    /** BCP 47 language tag. */
    @Column(nullable = false)
    public String language;

    /**
     * The translation group: the versions of one story in other languages share it; it is the id of the version the
     * others were translated from. Null when the article has no translation.
     */
    @Column(name = "translation_group")
    public java.util.UUID translationGroup;

    @Convert(converter = StatusConverter.class)
    @Column(nullable = false)
    public ArticleStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public Section section;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "reading_minutes", nullable = false)
    public int readingMinutes;

    @Column(name = "syndication_allowed", nullable = false)
    public boolean syndicationAllowed = true;

    @Column(name = "embargo_until")
    public Instant embargoUntil;

    /** A live blog (decision 160): its entries are a resource of their own ({@code news.dispatch.live}). */
    @Column(nullable = false)
    public boolean live;

    @Column(name = "coverage_start")
    public Instant coverageStart;

    @Column(name = "coverage_end")
    public Instant coverageEnd;

    /** Set by a delete: the row stays as a tombstone and is never shown again. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ArticleByline> bylines = new ArrayList<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ArticleTag> tags = new ArrayList<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ArticleRelated> related = new ArrayList<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("correctedAt")
    public List<ArticleCorrection> corrections = new ArrayList<>();

    /**
     * Spells the Arabic-script words of the text in Latin letters for search: before an article is first stored (so
     * every writer, the API, samples and fixtures alike, keeps them right), and by the write service after each edit of
     * the text. Articles in English and Arabic have none (the Latin spelling is read as Kurdish, and their branches of
     * the search match with their own stemmers).
     */
    @PrePersist
    public void spellForSearch() {
        boolean kurdishOrOther = language != null && !SearchFolding.englishOrArabic(language);
        // empty rather than null: null marks the articles written before the spelling (search/LatinSpellingBackfill)
        String headlineLatin = kurdishOrOther
                ? java.util.Objects.requireNonNullElse(SearchFolding.latinWords(headline, language), "") : null;
        String standfirstLatin = kurdishOrOther ? SearchFolding.latinWords(standfirst, language) : null;
        String bodyLatin = kurdishOrOther ? SearchFolding.latinWords(bodyText, language) : null;
        // compared first: an unchanged spelling is not written again
        if (!java.util.Objects.equals(latinHeadline, headlineLatin)) {
            latinHeadline = headlineLatin;
        }
        if (!java.util.Objects.equals(latinStandfirst, standfirstLatin)) {
            latinStandfirst = standfirstLatin;
        }
        if (!java.util.Objects.equals(latinBody, bodyLatin)) {
            latinBody = bodyLatin;
        }
    }

    public static class StatusConverter extends LowerCaseEnumConverter<ArticleStatus> {
        public StatusConverter() {
            super(ArticleStatus.class);
        }
    }

    /**
     * The article's own key, and search results (its text may now match other queries); when it entered or left
     * the public lists or moved in them (status, time, section, language, rights, translation group), every list, the
     * navigation of its section (before and after), the related posts chosen by its tags and the answers showing a
     * version of it in another language (the key of its translation group's original, before and after; decision 086).
     */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(key(id));
        keys.accept(SEARCH);
        if (write.changed("status", "publishedAt", "firstPublishedAt", "section", "language", "deletedAt", "embargoUntil",
                "syndicationAllowed", "translationGroup")) {
            keys.accept(LISTS);
            if (write.previous("section") instanceof Section before) {
                keys.accept(navigationKey(before.id));
            }
            if (section != null) {
                keys.accept(navigationKey(section.id));
            }
            // Its tags are read once the flush is over (a collection must not be loaded during it).
            keys.accept(Purgeable.relatedOf(id));
            // Every answer showing a version of the story lists the versions it has in other languages, the original
            // among them, whose id is the group's: a version that joins, leaves or enters the public ones changes them.
            if (write.previous("translationGroup") instanceof java.util.UUID before) {
                keys.accept(key(before));
            }
            if (translationGroup != null) {
                keys.accept(key(translationGroup));
            }
        }
    }

    /** The keys of a change to what an article is filed under (a byline): the article, lists and search. */
    public static void regrouped(java.util.UUID id, Consumer<String> keys) {
        keys.accept(key(id));
        keys.accept(LISTS);
        keys.accept(SEARCH);
    }

    /** The purge key of the articles whose navigation (previous, next) is chosen among the articles of a section. */
    public static String navigationKey(java.util.UUID sectionId) {
        return "navigation-" + sectionId;
    }

    /** The purge key of the articles whose related posts are chosen among the articles carrying a tag. */
    public static String relatedKey(java.util.UUID tagId) {
        return Purgeable.RELATED_PREFIX + tagId;
    }

    /** The purge key of the responses that show an article. */
    public static String key(java.util.UUID id) {
        return "article-" + id;
    }

    /** The id in a purge key made by {@link #key}, or null for any other key. */
    public static java.util.UUID idOf(String key) {
        if (!key.startsWith("article-")) {
            return null;
        }
        try {
            return java.util.UUID.fromString(key.substring("article-".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
