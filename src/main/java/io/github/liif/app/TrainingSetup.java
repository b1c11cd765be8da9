package io.github.liif.app;

import io.github.liif.catalogue.Models;
import io.github.liif.eval.Evaluation;
import io.github.liif.model.ChannelConversion;
import io.github.liif.model.EncoderSpec;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.Padding;
import io.github.liif.train.ModelInitialiser;
import io.github.liif.train.PlaneCache;
import io.github.liif.train.TrainingImage;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Turns a {@link TrainingRequest} into a ready {@link TrainingRun}: the split, the planes, the start model. */
public final class TrainingSetup {

	private TrainingSetup() {}

	public static TrainingRun prepare(TrainingRequest r, Consumer<String> log) throws IOException, ModelFormatException {
		List<ImageSource> trainSources = r.training();
		if (trainSources.isEmpty()) throw new IOException("no training images: give image files, folders or open images");
		List<ImageSource> valSources = r.validation();
		if (valSources.isEmpty()) {
			List<List<ImageSource>> split = ImageSets.holdOut(trainSources, r.config().seed());
			trainSources = split.get(0);
			valSources = split.get(1);
			log.accept("validation: holding out " + valSources.stream().map(ImageSource::name).toList());
		}
		else {
			ImageSets.checkDisjoint(trainSources, valSources);
		}
		LiifModel start = startModel(r, trainSources.get(0));
		int channels = start.channels();
		PlaneCache cache = new PlaneCache(r.cacheBytes() > 0 ? r.cacheBytes() : PlaneCache.defaultBudget());
		List<TrainingImage> train = ImageSets.planes(trainSources, channels, r.config().patch(), w -> log.accept("warning: " + w),
			cache);
		List<Evaluation.Image> val = ImageSets.asEvaluationImages(ImageSets.planes(valSources, channels, 16, w -> log.accept(
			"warning: " + w), null).stream().map(t -> new TrainingImage(t.name(), t.image().centreCrop(r.validationCrop(), r
				.validationCrop()), t.eightBit())).toList());
		log.accept(String.format(Locale.ROOT, "training %s on %d planes from %d images, validating on %d planes; "
			+ "%.0f MB of planes cached in memory", start.spec(), train.size(), trainSources.size(), val.size(), cache.used()
				/ 1e6));
		List<String> names = trainSources.stream().map(ImageSource::name).toList();
		return new TrainingRun(start, train, val, r.config(), r.output(), trainSources.size() + " images: " + String.join(", ",
			names));
	}

	private static LiifModel startModel(TrainingRequest r, ImageSource firstImage) throws IOException, ModelFormatException {
		String name = r.name();
		if (r.from() != null) {
			LiifModel base = Models.load(r.from(), true);
			LiifModelWeights weights = base.weights();
			if (r.channels().isPresent() && r.channels().getAsInt() != weights.spec().inChannels()) {
				if (r.channels().getAsInt() != 1) {
					throw new IllegalArgumentException("the base model has " + weights.spec().inChannels()
						+ " channel(s); only RGB -> gray (channels 1) conversion is possible");
				}
				weights = ChannelConversion.rgbToGray(weights);
			}
			if (r.padding().isPresent()) {
				weights = new LiifModelWeights(weights.spec().toBuilder().padding(r.padding().get()).build(), weights
					.stateDict());
			}
			return new LiifModel(weights, new ModelDescriptor(name, base.descriptor().minScale(), base.descriptor().maxScale(),
				base.descriptor().provenance()));
		}
		int c = r.channels().isPresent() ? r.channels().getAsInt() : firstImage.rgb() ? 3 : 1;
		EncoderSpec enc = EncoderSpec.forNewModel(r.encoder(), c, r.blocks(), r.features());
		LiifSpec spec = LiifSpec.builder(enc).hidden(r.hidden()).globalResidual(r.globalResidual()).padding(r.padding().orElse(
			Padding.parse(Padding.DEFAULT_FOR_NEW_MODELS))).build();
		return new LiifModel(ModelInitialiser.initialise(spec, r.config().seed()), new ModelDescriptor(name, r.config()
			.minScale(), r.config().maxScale(), null));
	}
}
