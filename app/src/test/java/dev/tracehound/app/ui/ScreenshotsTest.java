package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.screenshots.Screenshots;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screenshot run opens a real case headless and writes PNGs that show something (many colours, full size). */
class ScreenshotsTest {
    @TempDir
    Path tmp;

    @Test
    void writesAPngPerMainScreen() throws Exception {
        SmallCase c = SmallCase.build(tmp);
        Path out = Path.of(System.getProperty("tracehound.screenshots.out", tmp.resolve("shots").toString()));
        List<Path> files = new Screenshots(c.dir, out, new PrintWriter(System.out, true)).run();
        assertEquals(10, files.size());
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("10-swimlanes.png")), files.toString());
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(1440, img.getWidth(), f.toString());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
            assertTrue(colours.size() > 20, f + " looks blank: " + colours.size() + " colours");
        }
    }
}
