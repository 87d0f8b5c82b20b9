import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

/**
 * Writes the benchmark's camera-sized picture: a 4000×3000 JPEG at quality 0.92 with a photo's detail (soft
 * gradients, shapes, and grain on every pixel, so it weighs as a photo does, about 3-5 MB, rather than the few
 * hundred kilobytes of a flat drawing). Run as a source file: {@code java bench/LargeJpeg.java out.jpg}.
 */
public class LargeJpeg {
    public static void main(String[] args) throws Exception {
        int width = 4000, height = 3000;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 110, 160), 0, height * 0.6f, new Color(210, 190, 150)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            int w = 40 + random.nextInt(600), h = 40 + random.nextInt(600);
            g.fillOval(random.nextInt(width) - w / 2, random.nextInt(height) - h / 2, w, h);
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = (int) (random.nextGaussian() * 9);
                int p = row[x];
                int r = clamp(((p >> 16) & 0xff) + n), gr = clamp(((p >> 8) & 0xff) + n), b = clamp((p & 0xff) + n);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        File out = new File(args[0]);
        out.delete();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
