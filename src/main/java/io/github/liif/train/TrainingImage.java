package io.github.liif.train;

import io.github.liif.image.PlanarImage;

/**
 * One training image in [0, 1] space.
 *
 * @param name where it came from (file and plane), for messages and provenance
 * @param image the pixels
 * @param eightBit whether values are exact multiples of 1/255 (then bicubic degradation runs
 *          in PIL's 8-bit arithmetic, as in the reference)
 */
public record TrainingImage(String name, PlanarImage image, boolean eightBit) {}
