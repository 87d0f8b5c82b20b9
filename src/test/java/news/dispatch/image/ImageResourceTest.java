package news.dispatch.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ImageResourceTest {

    @Inject
    TestKeys keys;

    @Inject
    ImageStore store;

    @Inject
    RenditionCache cache;

    @Inject
    WorkingCopyBackfill backfill;

    @Inject
    news.dispatch.cache.ContentCache content;

    // --- images made here ---

    static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG with an EXIF segment: orientation and a GPS latitude reference (so stripping shows). */
    static byte[] jpegWithExif(BufferedImage image, int orientation) {
        byte[] jpeg = encode(image, "jpg");
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        // big-endian TIFF header, IFD0 at 8 with two entries: Orientation and a GPS-like ASCII marker (ImageDescription)
        byte[] description = "GPS 36.19N 44.01E\0".getBytes(StandardCharsets.US_ASCII);
        int ifd = 8;
        int entries = 2;
        int dataAt = ifd + 2 + entries * 12 + 4;
        write(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8);
        write(tiff, 0, entries);
        write(tiff, 0x01, 0x0e, 0, 2, 0, 0, 0, description.length, dataAt >> 24, dataAt >> 16, dataAt >> 8, dataAt);
        write(tiff, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0);
        write(tiff, 0, 0, 0, 0);
        tiff.writeBytes(description);
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        int length = 2 + 6 + body.length;
        write(out, 0xff, 0xe1, length >> 8, length);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b & 0xff);
        }
    }

    /** A PNG header claiming a huge size (a decompression bomb's), with a valid IHDR and almost no data. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        write(ihdr, 'I', 'H', 'D', 'R', width >> 24, width >> 16, width >> 8, width, height >> 24, height >> 16, height >> 8, height,
                8, 2, 0, 0, 0);
        byte[] chunk = ihdr.toByteArray();
        write(out, 0, 0, 0, 13);
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        long c = crc.getValue();
        write(out, (int) (c >> 24), (int) (c >> 16), (int) (c >> 8), (int) c);
        return out.toByteArray();
    }

    // --- HTTP helpers ---

    ExtractableResponse<Response> upload(byte[] bytes, String contentType, Map<String, ?> params, int status) {
        return given().header("Authorization", "Bearer " + keys.editor()).contentType(contentType).queryParams(params).body(bytes)
                .when().post("/v1/images")
                .then().statusCode(status).extract();
    }

    ExtractableResponse<Response> upload(byte[] bytes, Map<String, ?> params) {
        return upload(bytes, "image/jpeg", params, 201);
    }

    static String path(String url) {
        return url.substring(url.indexOf("/v1/"));
    }

    static byte[] fetch(String url, String mediaType) {
        return given().get(path(url)).then().statusCode(200).contentType(mediaType)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", notNullValue())
                .extract().asByteArray();
    }

    // --- tests ---

    @Test
    void uploadReadsSizeAndTypeFromTheBytesAndOffersRenditions() {
        byte[] jpeg = encode(halves(1000, 600, Color.RED, Color.BLUE), "jpg");
        var created = upload(jpeg, "image/png", Map.of("alt", "Two colours", "caption", "A test picture", "credit", "PM office",
                "copyright", "© Test", "source", "Handout", "focalX", "0.25", "focalY", "0.5", "syndicationAllowed", "true"), 201);
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo("/v1/images/" + id);
        assertThat((String) created.path("mediaType")).isEqualTo("image/jpeg");
        assertThat((Integer) created.path("width")).isEqualTo(1000);
        assertThat((Integer) created.path("height")).isEqualTo(600);
        assertThat((String) created.path("checksum")).matches("[0-9a-f]{64}");

        given().get("/v1/images/" + id).then().statusCode(200)
                .body("alt", equalTo("Two colours"))
                .body("caption", equalTo("A test picture"))
                .body("credit", equalTo("PM office"))
                .body("copyright", equalTo("© Test"))
                .body("source", equalTo("Handout"))
                .body("focalPoint.x", equalTo(0.25f))
                .body("syndication.allowed", equalTo(true))
                .body("renditions.aspectRatio", equalTo(List.of("16:9", "4:3", "1:1", "original")))
                .body("renditions[0].sizes.width", equalTo(List.of(160, 320, 480, 640, 800)))
                .body("renditions[0].sizes[3].height", equalTo(360))
                .body("renditions[2].crop.width", equalTo(600))
                .body("renditions[2].crop.x", equalTo(0)) // the focal point at a quarter: the square starts at the left edge
                .body("renditions[0].srcset", containsString("/16x9/320.jpg 320w, "))
                .body("renditions[0].webpSrcset", containsString("/16x9/640.webp 640w"));

        String wideJpeg = given().get("/v1/images/" + id).path("renditions[0].sizes[3].jpeg");
        String wideWebp = given().get("/v1/images/" + id).path("renditions[0].sizes[3].webp");
        BufferedImage jpg = decode(fetch(wideJpeg, "image/jpeg"));
        assertThat(jpg.getWidth()).isEqualTo(640);
        assertThat(jpg.getHeight()).isEqualTo(360);
        byte[] webpBytes = fetch(wideWebp, "image/webp");
        assertThat(new String(webpBytes, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        BufferedImage webp = decode(webpBytes);
        assertThat(webp.getWidth()).isEqualTo(640);
        assertThat(webp.getHeight()).isEqualTo(360);

        String etag = given().get(path(wideJpeg)).header("ETag");
        given().header("If-None-Match", etag).get(path(wideJpeg)).then().statusCode(304);
    }

    @Test
    void cropsAroundTheFocalPoint() {
        byte[] jpeg = encode(halves(800, 400, Color.RED, Color.BLUE), "jpg");
        String right = upload(jpeg, Map.of("focalX", "0.9", "focalY", "0.5")).path("id");
        String left = upload(jpeg, Map.of("focalX", "0.1", "focalY", "0.5")).path("id");
        Color rightSquare = new Color(decode(fetch(square(right, 160), "image/jpeg")).getRGB(80, 80));
        Color leftSquare = new Color(decode(fetch(square(left, 160), "image/jpeg")).getRGB(80, 80));
        assertThat(rightSquare.getBlue()).isGreaterThan(200);
        assertThat(rightSquare.getRed()).isLessThan(60);
        assertThat(leftSquare.getRed()).isGreaterThan(200);
        assertThat(leftSquare.getBlue()).isLessThan(60);
    }

    String square(String id, int width) {
        List<Map<String, Object>> sizes = given().get("/v1/images/" + id).path("renditions[2].sizes");
        return (String) sizes.stream().filter(s -> s.get("width").equals(width)).findFirst().orElseThrow().get("jpeg");
    }

    @Test
    void aNewFocalPointMakesNewUrlsAndTheOldOnesRedirect() {
        String id = upload(encode(halves(800, 400, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        String before = square(id, 160);
        String etag = given().get("/v1/images/" + id).header("ETag");
        given().header("Authorization", "Bearer " + keys.editor()).header("If-Match", etag)
                .contentType("application/merge-patch+json").body("{\"focalPoint\":{\"x\":0.9,\"y\":0.5},\"alt\":\"Blue\"}")
                .patch("/v1/images/" + id)
                .then().statusCode(200).body("alt", equalTo("Blue")).body("focalPoint.x", equalTo(0.9f));
        String after = square(id, 160);
        assertThat(after).isNotEqualTo(before);
        given().redirects().follow(false).get(path(before))
                .then().statusCode(302).header("Location", equalTo(path(after)));
        assertThat(new Color(decode(fetch(after, "image/jpeg")).getRGB(80, 80)).getBlue()).isGreaterThan(200);
    }

    @Test
    void pngWithTransparencyStaysPngAndWebpUploadsAreRead() {
        BufferedImage alpha = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = alpha.createGraphics();
        g.setColor(new Color(0, 128, 0, 128));
        g.fillRect(0, 0, 200, 300);
        g.dispose();
        var png = given().header("Authorization", "Bearer " + keys.editor())
                .multiPart("file", "photo.jpg", encode(alpha, "png"), "image/jpeg")
                .multiPart("caption", "Half green").multiPart("focalX", "0.3").multiPart("focalY", "0.6")
                .when().post("/v1/images")
                .then().statusCode(201).extract();
        assertThat((String) png.path("mediaType")).isEqualTo("image/png");
        assertThat((String) png.path("caption")).isEqualTo("Half green");
        assertThat((Float) png.path("focalPoint.y")).isEqualTo(0.6f);
        String webpUrl = png.path("renditions[3].sizes[1].webp");
        assertThat(decode(fetch(webpUrl, "image/webp")).getColorModel().hasAlpha()).isTrue();

        byte[] webp = encode(halves(500, 250, Color.RED, Color.BLUE), "webp");
        var fromWebp = upload(webp, "image/webp", Map.of(), 201);
        assertThat((Integer) fromWebp.path("width")).isEqualTo(500);
        assertThat((Integer) fromWebp.path("height")).isEqualTo(250);
        assertThat((String) fromWebp.path("mediaType")).isEqualTo("image/jpeg");
    }

    @Test
    void exifOrientationIsAppliedAndMetadataDropped() {
        byte[] rotated = jpegWithExif(halves(400, 200, Color.RED, Color.BLUE), 6);
        assertThat(new String(rotated, StandardCharsets.ISO_8859_1)).contains("GPS 36.19N");
        var created = upload(rotated, Map.of());
        assertThat((Integer) created.path("width")).isEqualTo(200);
        assertThat((Integer) created.path("height")).isEqualTo(400);
        UUID id = UUID.fromString(created.path("id"));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> store.get(id).orElseThrow());
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPS 36.19N");
        assertThat((String) created.path("checksum")).isEqualTo(ImageService.sha256(stored));
        // rotated clockwise: the left (red) half is now on top
        BufferedImage upright = decode(stored);
        assertThat(new Color(upright.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(100, 350)).getBlue()).isGreaterThan(200);
    }

    @Test
    void hostileAndBrokenUploadsAreProblemsNeverErrors() {
        byte[] jpeg = encode(halves(300, 200, Color.RED, Color.BLUE), "jpg");
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 40);
        upload(truncated, "image/jpeg", Map.of(), 400);
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg").body(truncated).post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));

        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/png").body(pngClaiming(100_000, 100_000))
                .post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("100000×100000"));
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/png").body(pngClaiming(7000, 7000))
                .post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].message", containsString("at most"));

        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg").body(gif).post("/v1/images")
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg")
                .body("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)).post("/v1/images")
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg").body(new byte[0]).post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + keys.editor()).contentType("text/plain").body("hello").post("/v1/images")
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + keys.editor()).multiPart("caption", "no file").post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().header("Authorization", "Bearer " + keys.editor()).contentType("multipart/form-data; boundary=x")
                .body("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\ncut sh"
                        .getBytes(StandardCharsets.US_ASCII))
                .post("/v1/images").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + keys.editor()).contentType("application/json").body(new byte[1_200_000])
                .post("/v1/images").then().statusCode(413); // only image and form bodies get the upload limit
        upload(jpeg, "image/jpeg", Map.of("focalX", "1.5", "focalY", "0.5"), 400);
        upload(jpeg, "image/jpeg", Map.of("focalX", "0.5"), 400);
        upload(jpeg, "image/jpeg", Map.of("syndicationAllowed", "yes"), 400);
        upload(jpeg, "image/jpeg", Map.of("credit", "PM \u202Eeciffo"), 400);
        given().contentType("image/jpeg").body(jpeg).post("/v1/images").then().statusCode(401);
        given().header("Authorization", "Bearer " + keys.partner()).contentType("image/jpeg").body(jpeg).post("/v1/images")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg").body(new byte[21 * 1024 * 1024])
                .post("/v1/images").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void renditionsOutsideTheLadderOrTheImageAreNotFound() {
        var created = upload(encode(halves(500, 300, Color.RED, Color.BLUE), "jpg"), Map.of());
        String url = path(created.path("renditions[3].sizes[0].jpeg")); // original, 160
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        given().get(base + "700.jpg").then().statusCode(404).contentType("application/problem+json"); // not on the ladder
        given().get(base + "640.jpg").then().statusCode(404); // wider than the image
        given().get(base + "160.gif").then().statusCode(404);
        given().get(base + "160").then().statusCode(404);
        given().get(url.replace("/original/", "/3x2/")).then().statusCode(404);
        given().get("/v1/images/" + UUID.randomUUID() + "/0123456789ab/1x1/160.jpg").then().statusCode(404);
        given().get("/v1/images/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private double early() {
        return registry.counter("dispatch.cache.early.answers").count();
    }

    @Test
    void aRenditionMadeAlreadyIsAnsweredBeforeTheRestLayerWithTheSameAnswer() {
        String id = upload(encode(halves(800, 600, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        String url = path(given().get("/v1/images/" + id).path("renditions[0].sizes[1].webp"));
        var first = given().header("Accept-Encoding", "gzip").get(url).then().statusCode(200).extract();
        double before = early();
        var second = given().header("Accept-Encoding", "gzip").get(url).then().statusCode(200).extract();
        assertThat(early() - before).as("answered early").isEqualTo(1);
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Surrogate-Key", "Content-Length")) {
            assertThat(second.header(header)).as(header).isEqualTo(first.header(header));
        }
        assertThat(second.header("Content-Encoding")).isNull();
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(second.header("Surrogate-Key")).isEqualTo("renditions-" + id);
        // what image loaders send, and revalidation
        before = early();
        given().accept("image/avif,image/webp,image/apng,image/*,*/*;q=0.8").get(url).then().statusCode(200)
                .contentType("image/webp");
        given().header("If-None-Match", first.header("ETag")).get(url).then().statusCode(304);
        assertThat(early() - before).isEqualTo(2);
        // the REST layer's: another type asked for, a keyed request, a query
        before = early();
        given().accept("application/json").get(url).then().statusCode(406);
        given().accept("image/webp;q=0, */*").get(url);
        given().header("Authorization", "Bearer " + keys.editor()).get(url).then().statusCode(200)
                .header("Cache-Control", containsString("private"));
        given().get(url + "?x=1"); // (an unknown parameter: the REST layer says so)
        assertThat(early() - before).isEqualTo(0);
    }

    @Test
    void concurrentFirstRequestsComputeARenditionOnce() throws Exception {
        String id = upload(encode(halves(2000, 1500, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        String url = path(given().get("/v1/images/" + id).path("renditions[1].sizes[4].webp"));
        long before = cache.computed();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> given().get(url).then().extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cache.computed() - before).isEqualTo(1);
    }

    @Test
    void partnersGetOnlyImagesWhoseOwnRightsAllow() {
        String credit = "Agency " + UUID.randomUUID();
        String free = upload(encode(halves(300, 200, Color.RED, Color.BLUE), "jpg"),
                Map.of("credit", credit, "syndicationAllowed", "true")).path("id");
        String licensed = upload(encode(halves(300, 200, Color.RED, Color.BLUE), "jpg"), Map.of("credit", credit)).path("id");
        String partner = "Bearer " + keys.partner();
        given().header("Authorization", partner).get("/v1/images/" + free).then().statusCode(200);
        given().header("Authorization", partner).get("/v1/images/" + licensed).then().statusCode(404);
        given().get("/v1/images/" + licensed).then().statusCode(200).body("syndication.allowed", equalTo(false));
        given().header("Authorization", partner).queryParam("credit", credit).get("/v1/images")
                .then().statusCode(200).body("items.id", equalTo(List.of(free)));
        given().queryParam("credit", credit).get("/v1/images")
                .then().statusCode(200).body("items.id", equalTo(List.of(licensed, free)));
        given().queryParam("credit", credit).queryParam("syndicated", "false").get("/v1/images")
                .then().statusCode(200).body("items.id", equalTo(List.of(licensed)));
        given().queryParam("credit", credit).queryParam("limit", "1").queryParam("count", "true").get("/v1/images")
                .then().statusCode(200).body("items", hasSize(1)).body("page.total", equalTo(2))
                .body("page.next", notNullValue());
        given().queryParam("syndicated", "maybe").get("/v1/images").then().statusCode(400);
    }

    @Test
    void deleteRemovesTheImageAndItsRenditions() {
        var created = upload(encode(halves(400, 300, Color.RED, Color.BLUE), "jpg"), Map.of("caption", "To delete"));
        String id = created.path("id");
        String rendition = created.path("renditions[2].sizes[0].jpeg");
        fetch(rendition, "image/jpeg");
        String etag = given().get("/v1/images/" + id).header("ETag");
        given().header("Authorization", "Bearer " + keys.editor()).delete("/v1/images/" + id).then().statusCode(428);
        given().header("Authorization", "Bearer " + keys.editor()).header("If-Match", etag).delete("/v1/images/" + id)
                .then().statusCode(204);
        given().get("/v1/images/" + id).then().statusCode(404);
        given().get(path(rendition)).then().statusCode(404);
        given().queryParam("q", "To delete").get("/v1/images").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void renditionsOfALargeImageAreMadeFromItsWorkingCopyWhenItHasDetailEnough() {
        String id = upload(encode(halves(3200, 2400, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        UUID image = UUID.fromString(id);
        ImageStore.WorkingCopy copy = QuarkusTransaction.requiringNew().call(() -> store.workingCopy(image).orElseThrow());
        assertThat(copy.width()).isEqualTo(1600);
        assertThat(copy.height()).isEqualTo(1200);
        BufferedImage decoded = decode(copy.bytes());
        assertThat(new Color(decoded.getRGB(100, 600)).getRed()).isGreaterThan(200);
        assertThat(new Color(decoded.getRGB(1500, 600)).getBlue()).isGreaterThan(200);

        // Mark the working copy (left half green) to see which renditions are made from it.
        ImageStore.WorkingCopy marked = new ImageStore.WorkingCopy(1600, 1200,
                encode(halves(1600, 1200, Color.GREEN, Color.BLUE), "jpg"));
        QuarkusTransaction.requiringNew().run(() -> store.putWorkingCopy(image, marked));
        List<Map<String, Object>> sizes = given().get("/v1/images/" + id).path("renditions[0].sizes");
        String small = (String) sizes.stream().filter(s -> s.get("width").equals(640)).findFirst().orElseThrow().get("jpeg");
        String large = (String) sizes.stream().filter(s -> s.get("width").equals(1024)).findFirst().orElseThrow().get("jpeg");
        BufferedImage fromCopy = decode(fetch(small, "image/jpeg"));
        assertThat(fromCopy.getWidth()).isEqualTo(640);
        assertThat(fromCopy.getHeight()).isEqualTo(360);
        assertThat(new Color(fromCopy.getRGB(20, 180)).getGreen()).as("640 px: half of the copy's 1,600").isGreaterThan(200);
        assertThat(new Color(fromCopy.getRGB(620, 180)).getBlue()).isGreaterThan(200);
        BufferedImage fromOriginal = decode(fetch(large, "image/jpeg"));
        assertThat(fromOriginal.getWidth()).isEqualTo(1024);
        assertThat(new Color(fromOriginal.getRGB(20, 288)).getRed()).as("1,024 px: from the original").isGreaterThan(200);
    }

    @Test
    void imagesStoredWithoutAWorkingCopyGetOneFromTheBackfill() {
        String large = upload(encode(halves(2000, 1000, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        String small = upload(encode(halves(800, 400, Color.RED, Color.BLUE), "jpg"), Map.of()).path("id");
        UUID image = UUID.fromString(large);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.workingCopy(UUID.fromString(small)))).isEmpty();
        // As stored before working copies were made.
        QuarkusTransaction.requiringNew().run(() -> {
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            em.createNativeQuery("delete from image_working_copy where image_id = :id").setParameter("id", image).executeUpdate();
            em.createNativeQuery("update image set working_side = null where id = :id").setParameter("id", image).executeUpdate();
        });
        content.invalidateAll(); // as after a write that fires ContentChanged
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.workingCopy(image))).isEmpty();
        String before = path(given().get("/v1/images/" + large).path("renditions[0].sizes[1].webp"));
        given().get(before).then().statusCode(200);

        assertThat(backfill.makePending()).isGreaterThanOrEqualTo(1);
        // The renditions have new URLs (made from the copy); the old ones lead to them.
        String after = path(given().get("/v1/images/" + large).path("renditions[0].sizes[1].webp"));
        assertThat(after).isNotEqualTo(before);
        given().redirects().follow(false).get(before).then().statusCode(302).header("Location", equalTo(after));
        given().get(after).then().statusCode(200);

        ImageStore.WorkingCopy copy = QuarkusTransaction.requiringNew().call(() -> store.workingCopy(image).orElseThrow());
        assertThat(copy.width()).isEqualTo(1600);
        assertThat(copy.height()).isEqualTo(800);
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.workingCopy(UUID.fromString(small)))).isEmpty();
        assertThat(backfill.makePending()).as("nothing left").isZero();
    }

    @Test
    void aRenditionOfALargeJpegIsQuick() {
        BufferedImage big = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, 4000, 3000, Color.DARK_GRAY));
        g.fillRect(0, 0, 4000, 3000);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 200; i++) {
            g.drawLine(i * 20, 0, 4000 - i * 20, 3000);
        }
        g.dispose();
        String id = upload(encode(big, "jpg"), Map.of()).path("id");
        String webp = path(given().get("/v1/images/" + id).path("renditions[0].sizes[3].webp"));
        String jpeg = path(given().get("/v1/images/" + id).path("renditions[1].sizes[3].jpeg"));
        long start = System.nanoTime();
        given().get(webp).then().statusCode(200);
        long webpMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        given().get(jpeg).then().statusCode(200);
        long jpegMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Rendition of a 4000x3000 JPEG at 640 px: WebP %d ms, JPEG %d ms (first requests, over HTTP)%n",
                webpMillis, jpegMillis);
        assertThat(webpMillis).as("a generous bound on a shared machine").isLessThan(5000);
    }

    @Test
    void uploadsNeedNoNameAndRefuseAPlainStartOfAnImage() {
        // content sniffing: a JPEG sent as image/webp is still a JPEG
        var created = upload(encode(halves(300, 200, Color.RED, Color.BLUE), "jpg"), "image/webp", Map.of(), 201);
        assertThat((String) created.path("mediaType")).isEqualTo("image/jpeg");
        // the first bytes of a JPEG and nothing after them
        given().header("Authorization", "Bearer " + keys.editor()).contentType("image/jpeg").body(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})
                .post("/v1/images").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
