// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Saves a window's scene as PNG for the README, into the folder named by the system property
 * {@value #PROPERTY} (the build sets it to {@code docs/screenshots}), or a temporary folder.
 */
public final class Screenshots {

    public static final String PROPERTY = "m365wizard.screenshots";

    private Screenshots() {
    }

    /** Snapshots {@code scene} on the FX thread and writes {@code fileName}; returns the file. */
    public static Path save(FxRobot robot, Scene scene, String fileName) throws IOException {
        String folder = System.getProperty(PROPERTY);
        Path target = (folder == null ? Files.createTempDirectory("screenshots") : Path.of(folder)).resolve(fileName);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        Files.createDirectories(target.getParent());
        ImageIO.write(toBufferedImage(image[0]), "png", target.toFile());
        return target;
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
