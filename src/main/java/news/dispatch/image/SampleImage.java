package news.dispatch.image;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.sample.SamplePart;
import news.dispatch.web.PublicUrl;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * With the sample content (dispatch.sample.load), the sample articles' file photo of Mustafa al-Kadhimi (credit
 * "PM office") becomes an uploaded image, so the quick start shows renditions at once. The picture is a stand-in
 * drawn here (a figure at a podium), not the photo; a government handout, so partners may receive it. Runs after
 * the sample content is loaded, once: only while no image exists and the articles still name the photo by URL.
 */
@ApplicationScoped
public class SampleImage extends SamplePart {

    static final String PHOTO_URL = "https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg";

    private final ImageService images;
    private final ImageRepository repository;
    private final PublicUrl urls;

    public SampleImage(ImageService images, ImageRepository repository, PublicUrl urls) {
        super(4); // last: the sample articles and their lead images are all there
        this.images = images;
        this.repository = repository;
        this.urls = urls;
    }

    /** Uploads the stand-in and points the sample articles at it; answers whether it did. */
    @Override
    public boolean load() {
        boolean wanted = QuarkusTransaction.requiringNew().call(() -> repository.count() == 0
                && repository.getEntityManager().createQuery("select count(a) from Article a where a.leadImageUrl = :url"
                        + " and a.leadImageId is null", Long.class).setParameter("url", PHOTO_URL).getSingleResult() > 0);
        if (!wanted) {
            return false;
        }
        Image image = images.create(standIn(), new ImageInput("Iraqi Prime Minister Mustafa al-Kadhimi",
                "Iraqi Prime Minister Mustafa al-Kadhimi", "PM office", "Office of the Prime Minister of Iraq", "Handout",
                new ImageInput.Focal(0.5, 0.3), new ImageInput.Rights(true)));
        var view = ImageView.renditions(image, urls);
        var whole = view.get(view.size() - 1).sizes();
        var largest = whole.get(whole.size() - 1);
        int updated = QuarkusTransaction.requiringNew().call(() -> repository.getEntityManager().createQuery(
                        "update Article a set a.leadImageId = :id, a.leadImageUrl = :rendition, a.leadImageWidth = :w,"
                                + " a.leadImageHeight = :h where a.leadImageUrl = :url and a.leadImageId is null")
                .setParameter("id", image.id).setParameter("rendition", largest.jpeg()).setParameter("w", largest.width())
                .setParameter("h", largest.height()).setParameter("url", PHOTO_URL).executeUpdate());
        Log.infof("Sample image %s made; %d sample articles show it", image.id, updated);
        return true;
    }

    /** A 1600×1067 picture of a figure at a podium before a flag-coloured backdrop, with a note that it stands in. */
    static byte[] standIn() {
        int w = 1600;
        int h = 1067;
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), 0, h, new Color(0x0b132b)));
            g.fillRect(0, 0, w, h);
            Color[] stripes = {new Color(0xce1126), Color.WHITE, new Color(0x111111)};
            for (int i = 0; i < 3; i++) { // a backdrop in the colours of a flag
                g.setColor(stripes[i]);
                g.fillRect(1080, 120 + i * 90, 360, 90);
            }
            g.setColor(new Color(0xe0b48a)); // the face, at the focal point (0.5, 0.3)
            g.fill(new Ellipse2D.Double(w * 0.5 - 95, h * 0.3 - 120, 190, 240));
            g.setColor(new Color(0x22252a)); // suit
            g.fill(new RoundRectangle2D.Double(w * 0.5 - 260, h * 0.3 + 110, 520, 520, 160, 160));
            g.setColor(Color.WHITE);
            g.fillPolygon(new int[]{800 - 60, 800, 800 + 60}, new int[]{(int) (h * 0.3) + 112, (int) (h * 0.3) + 260, (int) (h * 0.3) + 112}, 3);
            g.setColor(new Color(0x6b4f2a)); // podium
            g.fillRect(w / 2 - 220, (int) (h * 0.62), 440, h);
            g.setColor(new Color(0x333333));
            g.setStroke(new BasicStroke(8));
            g.drawLine(w / 2 - 40, (int) (h * 0.62), w / 2 - 10, (int) (h * 0.3) + 140); // microphones
            g.drawLine(w / 2 + 40, (int) (h * 0.62), w / 2 + 10, (int) (h * 0.3) + 140);
            g.setColor(new Color(255, 255, 255, 200));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            g.drawString("Stand-in picture for the sample content (file photo: PM office)", 40, h - 40);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
