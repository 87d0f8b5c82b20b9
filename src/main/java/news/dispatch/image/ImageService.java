package news.dispatch.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Role;
import news.dispatch.common.ReadOnlyTransaction;
import news.dispatch.web.Cursor;
import news.dispatch.web.JsonInputs;
import news.dispatch.web.Page;
import news.dispatch.web.PageInfo;
import news.dispatch.web.PageParams;
import news.dispatch.web.Params;
import news.dispatch.web.Preconditions;
import news.dispatch.web.PublicUrl;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;

import java.awt.Rectangle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Images: uploads, metadata edits, deletes, reads under the image's own rights, and renditions. */
@ApplicationScoped
public class ImageService {

    static final String ORDER = "images-newest";

    private final ImageRepository images;
    private final ImageStore store;
    private final ImageCodec codec;
    private final RenditionCache renditions;
    private final JsonInputs inputs;
    private final Validator validator;
    private final CurrentCaller caller;
    private final PublicUrl urls;
    private final Clock clock;

    public ImageService(ImageRepository images, ImageStore store, ImageCodec codec, RenditionCache renditions,
                        JsonInputs inputs, Validator validator, CurrentCaller caller, PublicUrl urls, Clock clock) {
        this.images = images;
        this.store = store;
        this.codec = codec;
        this.renditions = renditions;
        this.inputs = inputs;
        this.validator = validator;
        this.caller = caller;
        this.urls = urls;
        this.clock = clock;
    }

    /** Checks the metadata, then the image (before any database work), then stores both. */
    @Transactional
    public Image create(byte[] upload, ImageInput in) {
        validate(in);
        if (upload == null || upload.length == 0) {
            throw ProblemException.invalid("body", "must be the image's bytes");
        }
        ImageCodec.Normalised original = codec.normalise(upload);
        Image image = new Image();
        image.mediaType = original.mediaType();
        image.width = original.width();
        image.height = original.height();
        image.byteSize = original.bytes().length;
        image.checksum = sha256(original.bytes());
        image.createdAt = now();
        image.workingSide = original.workingCopy() == null ? null : ImageCodec.WORKING_SIDE;
        apply(image, in);
        images.persist(image);
        images.flush(); // the image row before its original's, which references it
        store.put(image.id, original.bytes());
        if (original.workingCopy() != null) {
            store.putWorkingCopy(image.id, original.workingCopy());
        }
        Log.infof("Image %s stored (%s, %dx%d, %d bytes)", image.id, image.mediaType, image.width, image.height, image.byteSize);
        return image;
    }

    @Transactional
    public Image patch(String key, String ifMatch, JsonNode patch) {
        Image image = lock(key, ifMatch);
        ImageInput current = new ImageInput(image.alt, image.caption, image.credit, image.copyright, image.source,
                new ImageInput.Focal(image.focalX, image.focalY), new ImageInput.Rights(image.syndicationAllowed));
        apply(image, inputs.patch(current, patch, ImageInput.class));
        images.flush();
        return image;
    }

    /** Deletes the image and its original; its renditions are dropped once this has committed (its purge keys). */
    @Transactional
    public UUID delete(String key, String ifMatch) {
        Image image = lock(key, ifMatch);
        long shown = images.getEntityManager().createQuery("select count(a) from Article a where a.leadImageId = :id"
                + " and a.deletedAt is null", Long.class).setParameter("id", image.id).getSingleResult();
        if (shown > 0) {
            throw ProblemException.conflict("The image is the lead image of " + shown + " article(s).");
        }
        store.delete(image.id);
        images.delete(image);
        Log.infof("Image %s deleted", image.id);
        return image.id;
    }

    @ReadOnlyTransaction
    public Image get(String key) {
        Image image = images.findByKey(key).orElseThrow(() -> ProblemException.notFound("image", key));
        if (!visible(image)) {
            throw ProblemException.notFound("image", key); // as if it did not exist (decision 051)
        }
        return image;
    }

    public ImageView view(Image image) {
        return ImageView.of(image, urls);
    }

    @ReadOnlyTransaction
    public Page<ImageView> list(ImageListParams filters, PageParams paging) {
        List<FieldError> errors = new ArrayList<>();
        String text = text("q", filters.q, errors);
        String creditValue = text("credit", filters.credit, errors);
        String sourceValue = text("source", filters.source, errors);
        Boolean syndicatedValue = filters.syndicated == null ? null : Params.bool("syndicated", filters.syndicated, errors);
        PageParams.Request request = paging.check(ORDER, errors);
        int size = request.size();
        boolean withCount = request.withCount();
        Cursor after = request.after();
        Instant afterCreated = null;
        UUID afterId = null;
        if (after != null) {
            try {
                afterCreated = Instant.ofEpochSecond(0, 0).plus(Long.parseLong(after.key()), ChronoUnit.MICROS);
                afterId = UUID.fromString(after.id());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", "is not a cursor of this list"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (caller.get().role() == Role.PARTNER) {
            if (Boolean.FALSE.equals(syndicatedValue)) {
                return new Page<>(List.of(), new PageInfo(size, null, withCount ? 0L : null));
            }
            syndicatedValue = true; // partners see only what they may receive
        }
        var filter = new ImageRepository.Filter(text, creditValue, sourceValue, syndicatedValue);
        List<Image> rows = images.findPage(filter, afterCreated, afterId, size + 1);
        boolean more = rows.size() > size;
        List<Image> page = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            Image last = page.get(size - 1);
            next = new Cursor(ORDER, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt)), last.id.toString()).encode();
        }
        return new Page<>(page.stream().map(this::view).toList(),
                new PageInfo(size, next, withCount ? images.countMatching(filter) : null));
    }

    /** The version of an image, for the ETag of its reads. */
    public long version(Image image) {
        return image.version;
    }

    /**
     * A rendition (its bytes, ETag and headers): from this instance's cache, or made from the original. An unknown image, a width not
     * offered for the crop, or a hash that is not the image's current one is a {@link NotCurrent} or a 404.
     */
    public Representation rendition(RenditionCache.Key key) {
        Representation cached = renditions.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Rectangle crop;
        int height;
        Image image = QuarkusTransaction.requiringNew().call(() -> images.findById(key.image()));
        if (image == null) {
            throw ProblemException.notFound("image", key.image().toString());
        }
        if (!Renditions.widths(image, key.ratio()).contains(key.width())) {
            throw ProblemException.notFound("rendition", key.ratio().path + "/" + key.width());
        }
        String hash = Renditions.hash(image);
        if (!hash.equals(key.hash())) {
            throw new NotCurrent(Renditions.path(image, hash, key.ratio(), key.width(), key.format()));
        }
        crop = Renditions.crop(image, key.ratio());
        height = Renditions.height(image, key.ratio(), key.width());
        int imageWidth = image.width;
        int imageHeight = image.height;
        boolean hasCopy = image.workingSide != null; // as the URL's hash says
        return renditions.get(key, k -> {
            Source source = QuarkusTransaction.requiringNew().call(() -> source(k.image(), hasCopy, imageWidth, imageHeight,
                    crop, k.width(), height));
            byte[] bytes = codec.render(source.bytes(), source.crop(), k.width(), height, k.format());
            return Representations.of(bytes, k.format().mediaType, null, null, null, List.of(Image.renditionsKey(k.image())))
                    .withCacheControl(ImageResource.IMMUTABLE);
        });
    }

    /** The picture a rendition is made from, and the crop in its pixels. */
    private record Source(byte[] bytes, Rectangle crop) {
    }

    /**
     * The working copy (decision 170), when the image has one and its part of the crop is at least twice the
     * rendition's size along both sides (as much detail as the scaler wants); else the original.
     */
    private Source source(UUID id, boolean hasCopy, int imageWidth, int imageHeight, Rectangle crop, int width, int height) {
        double scale = (double) ImageCodec.WORKING_SIDE / Math.max(imageWidth, imageHeight);
        if (hasCopy && scale < 1 && crop.width * scale >= 2 * width + 2 && crop.height * scale >= 2 * height + 2) {
            Optional<ImageStore.WorkingCopy> copy = store.workingCopy(id);
            if (copy.isPresent()) {
                ImageStore.WorkingCopy c = copy.get();
                double sx = (double) c.width() / imageWidth;
                double sy = (double) c.height() / imageHeight;
                int x0 = (int) Math.floor(crop.x * sx);
                int y0 = (int) Math.floor(crop.y * sy);
                int x1 = Math.min(c.width(), (int) Math.ceil((crop.x + crop.width) * sx));
                int y1 = Math.min(c.height(), (int) Math.ceil((crop.y + crop.height) * sy));
                if (x1 - x0 >= 2 * width && y1 - y0 >= 2 * height) {
                    return new Source(c.bytes(), new Rectangle(x0, y0, x1 - x0, y1 - y0));
                }
            }
        }
        byte[] original = store.get(id).orElseThrow(() -> ProblemException.notFound("image", id.toString()));
        return new Source(original, crop);
    }

    /** A rendition URL whose hash is not the image's current one (its focal point changed): where it is now. */
    public static final class NotCurrent extends RuntimeException {
        public final String path;

        NotCurrent(String path) {
            super(path, null, false, false);
            this.path = path;
        }
    }

    /** Whether the caller may receive this image: partners only where its own rights allow. */
    public boolean visible(Image image) {
        return caller.get().role() != Role.PARTNER || image.syndicationAllowed;
    }

    private Image lock(String key, String ifMatch) {
        Preconditions.requirePresent(ifMatch);
        Image found = images.findByKey(key).orElseThrow(() -> ProblemException.notFound("image", key));
        images.getEntityManager().refresh(found, LockModeType.PESSIMISTIC_WRITE);
        Preconditions.checkCurrent(ifMatch, found.version, () -> inputs.bytes(view(found)));
        return found;
    }

    private void validate(ImageInput in) {
        Set<ConstraintViolation<ImageInput>> violations = validator.validate(in);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private void apply(Image image, ImageInput in) {
        image.alt = blankToNull(in.alt());
        image.caption = blankToNull(in.caption());
        image.credit = blankToNull(in.credit());
        image.copyright = blankToNull(in.copyright());
        image.source = blankToNull(in.source());
        image.focalX = in.focalPoint() == null ? 0.5 : in.focalPoint().x();
        image.focalY = in.focalPoint() == null ? 0.5 : in.focalPoint().y();
        image.syndicationAllowed = in.syndication() != null && Boolean.TRUE.equals(in.syndication().allowed());
        image.updatedAt = now();
    }

    private static String text(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 200) {
            errors.add(new FieldError(name, "must be 1 to 200 characters"));
            return null;
        }
        return value.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
