package io.github.liif.app;

import io.github.liif.model.EncoderSpec;
import io.github.liif.model.GlobalResidual;
import io.github.liif.model.Padding;
import io.github.liif.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A training run as the front ends ask for it, built with {@link #builder(Path)}; what a front end
 * does not set is the default here, the one place of the request's defaults.
 *
 * @param training training images (files, open images)
 * @param validation validation images; with none, about one training image in ten is held out
 * @param from the model to fine-tune ("natural", "microscopy" or a file), or null for a new model
 * @param channels channels of a new model (or 1 to convert an RGB base model to gray); empty:
 *          from the first image
 * @param encoder one of {@link EncoderSpec#namesForNewModels()} (new models)
 * @param blocks encoder blocks; empty: the encoder's default
 * @param features encoder features; empty: the encoder's default
 * @param hidden MLP hidden sizes of a new model
 * @param globalResidual whether a new model adds to a bicubic upsampling of its input (a
 *          fine-tuned model keeps its base's)
 * @param padding what the convolutions see beyond the border; empty: {@link Padding#DEFAULT_FOR_NEW_MODELS}
 *          for a new model, the base's for a fine-tuned one (the weights fit either: a fine-tune
 *          with another padding learns the new border)
 * @param config the recipe
 * @param output the model file to write
 * @param name the model's name (default: the output file's name without its extension)
 * @param validationCrop validation images are centre-cropped to at most this edge
 * @param cacheBytes memory for decoded training planes (more are decoded again when drawn); 0:
 *          half the JVM's memory
 */
public record TrainingRequest(List<ImageSource> training, List<ImageSource> validation, String from, OptionalInt channels,
	String encoder, OptionalInt blocks, OptionalInt features, int[] hidden, GlobalResidual globalResidual,
	Optional<Padding> padding, TrainingConfig config, Path output, String name, int validationCrop, long cacheBytes)
{

	/** A new model's encoder. */
	public static final String ENCODER = "edsr-baseline";
	/** A new model's MLP hidden sizes (the paper's), as a comma-separated list for option defaults. */
	public static final String HIDDEN = "256,256,256,256";
	/** Validation images are centre-cropped to at most this edge. */
	public static final int VALIDATION_CROP = 256;

	public TrainingRequest {
		training = List.copyOf(training);
		validation = List.copyOf(validation);
		hidden = hidden.clone();
		Objects.requireNonNull(output, "output");
		Objects.requireNonNull(config, "config");
		Objects.requireNonNull(globalResidual, "globalResidual");
		Objects.requireNonNull(padding, "padding");
	}

	/** A request that writes the model to {@code output}. */
	public static Builder builder(Path output) {
		return new Builder(output);
	}

	@Override
	public int[] hidden() {
		return hidden.clone();
	}

	/** Builds a {@link TrainingRequest}; unset fields keep their defaults. */
	public static final class Builder {

		private final Path output;
		private List<ImageSource> training = List.of();
		private List<ImageSource> validation = List.of();
		private String from;
		private Integer channels;
		private String encoder = ENCODER;
		private Integer blocks;
		private Integer features;
		private int[] hidden = parseHidden(HIDDEN);
		private GlobalResidual globalResidual = GlobalResidual.parse(GlobalResidual.DEFAULT_FOR_NEW_MODELS);
		private Padding padding;
		private TrainingConfig config = TrainingConfig.builder().build();
		private String name;
		private int validationCrop = VALIDATION_CROP;
		private long cacheBytes;

		private Builder(Path output) {
			this.output = Objects.requireNonNull(output, "output");
		}

		public Builder training(List<? extends ImageSource> images) {
			training = images == null ? List.of() : List.copyOf(images);
			return this;
		}

		/** None: about one training image in ten is held out. */
		public Builder validation(List<? extends ImageSource> images) {
			validation = images == null ? List.of() : List.copyOf(images);
			return this;
		}

		/** Fine-tune this model; null or blank: a new model. */
		public Builder from(String model) {
			from = model == null || model.isBlank() ? null : model;
			return this;
		}

		/** Null: from the first image. */
		public Builder channels(Integer n) {
			channels = positive(n, "channels");
			return this;
		}

		public Builder encoder(String name) {
			if (!EncoderSpec.namesForNewModels().contains(name)) {
				throw new IllegalArgumentException("unknown encoder '" + name + "': use " + String.join(" or ", EncoderSpec
					.namesForNewModels()));
			}
			encoder = name;
			return this;
		}

		/** Null: the encoder's default. */
		public Builder blocks(Integer n) {
			blocks = positive(n, "blocks");
			return this;
		}

		/** Null: the encoder's default. */
		public Builder features(Integer n) {
			features = positive(n, "features");
			return this;
		}

		public Builder hidden(int... sizes) {
			if (sizes.length == 0) throw new IllegalArgumentException("give at least one hidden layer size");
			for (int s : sizes) positive(s, "hidden sizes");
			hidden = sizes.clone();
			return this;
		}

		public Builder globalResidual(GlobalResidual residual) {
			globalResidual = Objects.requireNonNull(residual, "globalResidual");
			return this;
		}

		/** Null: the default (see {@link TrainingRequest#padding()}). */
		public Builder padding(Padding mode) {
			padding = mode;
			return this;
		}

		public Builder config(TrainingConfig recipe) {
			config = Objects.requireNonNull(recipe, "config");
			return this;
		}

		/** Null: the output file's name. */
		public Builder name(String modelName) {
			name = modelName;
			return this;
		}

		public Builder validationCrop(int edge) {
			validationCrop = positive(edge, "the validation crop");
			return this;
		}

		/** 0: half the JVM's memory. */
		public Builder cacheBytes(long bytes) {
			if (bytes < 0) throw new IllegalArgumentException("the cache size must not be negative, got " + bytes);
			cacheBytes = bytes;
			return this;
		}

		public TrainingRequest build() {
			return new TrainingRequest(training, validation, from, channels == null ? OptionalInt.empty() : OptionalInt.of(
				channels), encoder, blocks == null ? OptionalInt.empty() : OptionalInt.of(blocks), features == null ? OptionalInt
					.empty() : OptionalInt.of(features), hidden, globalResidual, Optional.ofNullable(padding), config, output,
				name != null ? name : output.getFileName().toString().replaceFirst("\\.[^.]*$", ""), validationCrop, cacheBytes);
		}

		private static Integer positive(Integer n, String what) {
			if (n != null && n < 1) throw new IllegalArgumentException(what + " must be positive, got " + n);
			return n;
		}
	}

	/** "256,256" to its sizes. */
	static int[] parseHidden(String list) {
		return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
	}
}
