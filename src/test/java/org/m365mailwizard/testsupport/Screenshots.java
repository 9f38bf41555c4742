// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a scene shows as a PNG. The README's pictures go to the folder of the system property
 * {@value #PROPERTY} (the build sets it to docs/screenshots); call {@link #snapshot} on the FX thread.
 */
public final class Screenshots {

    public static final String PROPERTY = "m365wizard.screenshots";

    private Screenshots() {
    }

    /** The folder for the README's pictures, when the build names one. */
    public static Optional<Path> folder() {
        String folder = System.getProperty(PROPERTY);
        return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    /** Renders the scene (FX thread only). */
    public static WritableImage snapshot(Scene scene) {
        return scene.snapshot(null);
    }

    /** Writes an image taken with {@link #snapshot} (any thread). */
    public static Path write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
