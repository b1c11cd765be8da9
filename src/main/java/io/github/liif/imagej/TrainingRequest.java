package io.github.liif.imagej;

import io.github.liif.model.GlobalResidual;
import io.github.liif.train.TrainingConfig;
import ij.ImagePlus;
import java.nio.file.Path;
import java.util.List;

/**
 * A training run as the front ends ask for it.
 *
 * @param data training folders or files
 * @param images training images open in ImageJ (besides or instead of files)
 * @param validation validation folders or files
 * @param validationImages validation images open in ImageJ; with no validation at all, about
 *          one training file or image in ten is held out
 * @param from model to fine-tune ("natural", "microscopy" or a file), or null for a new model
 * @param channels for a new model (or 1 to convert an RGB {@code from} model to gray); null:
 *          from the first image
 * @param encoder "edsr-baseline" or "rdn" (new models)
 * @param blocks encoder blocks, or null for the encoder's default
 * @param features encoder features, or null for the default
 * @param hidden MLP hidden sizes (new models)
 * @param globalResidual whether a new model adds to a bicubic upsampling of its input (a
 *          fine-tuned model keeps its base's)
 * @param config the recipe
 * @param output the model file to write
 * @param name the model's name, or null for the output file's name
 * @param validationCrop validation images are centre-cropped to at most this size
 * @param cacheBytes memory for decoded training planes (more are decoded again when drawn); 0:
 *          half the JVM's memory
 */
public record TrainingRequest(List<Path> data, List<ImagePlus> images, List<Path> validation,
	List<ImagePlus> validationImages, String from, Integer channels, String encoder,
	Integer blocks, Integer features, int[] hidden, GlobalResidual globalResidual, TrainingConfig config, Path output, String name, int validationCrop,
	long cacheBytes)
{}
