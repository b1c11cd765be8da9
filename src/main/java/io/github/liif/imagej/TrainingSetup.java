package io.github.liif.imagej;

import io.github.liif.engine.Models;
import io.github.liif.eval.Evaluation;
import io.github.liif.model.ChannelConversion;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.EncoderSpec;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.RdnSpec;
import io.github.liif.train.ModelInitialiser;
import io.github.liif.train.TrainingImage;
import io.github.liif.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Turns a {@link TrainingRequest} into a ready {@link TrainingRun}: files, split, images, start model. */
public final class TrainingSetup {

	private TrainingSetup() {}

	public static TrainingRun prepare(TrainingRequest r, Consumer<String> log) throws IOException, ModelFormatException {
		List<Path> trainFiles = ImageFiles.list(r.data());
		List<Path> valFiles;
		if (r.validation() == null || r.validation().isEmpty()) {
			List<List<Path>> split = TrainingData.holdOut(trainFiles, r.config().seed());
			trainFiles = split.get(0);
			valFiles = split.get(1);
			log.accept("validation: holding out " + valFiles);
		}
		else {
			valFiles = ImageFiles.list(r.validation());
			TrainingData.checkDisjoint(trainFiles, valFiles);
		}
		if (trainFiles.isEmpty()) throw new IOException("no image files in " + r.data());
		LiifModel start = startModel(r, trainFiles.get(0));
		int channels = start.channels();
		List<TrainingImage> train = TrainingData.load(trainFiles, channels, r.config().patch(), w -> log.accept("warning: " + w));
		List<Evaluation.Image> val = TrainingData.asEvaluationImages(TrainingData.load(valFiles, channels, 16, w -> log.accept(
			"warning: " + w)).stream().map(t -> new TrainingImage(t.name(), t.image().centreCrop(r.validationCrop(), r.validationCrop()),
				t.eightBit())).toList());
		log.accept(String.format("training %s on %d planes from %d files, validating on %d planes", start.spec(), train.size(), trainFiles
			.size(), val.size()));
		List<String> names = trainFiles.stream().map(p -> p.getFileName().toString()).toList();
		return new TrainingRun(start, train, val, r.config(), r.output(), trainFiles.size() + " files: " + String.join(", ", names));
	}

	private static LiifModel startModel(TrainingRequest r, Path firstImage) throws IOException, ModelFormatException {
		String name = r.name() != null ? r.name() : r.output().getFileName().toString().replaceFirst("\\.[^.]*$", "");
		if (r.from() != null) {
			LiifModel base = Models.load(r.from(), true);
			LiifModelWeights weights = base.network();
			if (r.channels() != null && r.channels() != weights.spec().inChannels()) {
				if (r.channels() != 1) {
					throw new IllegalArgumentException("the base model has " + weights.spec().inChannels()
						+ " channel(s); only RGB -> gray (channels 1) conversion is possible");
				}
				weights = ChannelConversion.rgbToGray(weights);
			}
			return new LiifModel(weights, new ModelDescriptor(name, base.descriptor().minScale(), base.descriptor().maxScale(), base
				.descriptor().provenance()));
		}
		int c = r.channels() != null ? r.channels() : ImageFiles.read(firstImage).getBitDepth() == 24 ? 3 : 1;
		EncoderSpec enc = switch (r.encoder()) {
			case "edsr-baseline" -> new EdsrSpec(c, r.blocks() == null ? 16 : r.blocks(), r.features() == null ? 64 : r.features(), 1.0);
			case "rdn" -> {
				RdnSpec b = RdnSpec.configB(c);
				yield new RdnSpec(c, r.features() == null ? b.features() : r.features(), r.blocks() == null ? b.blocks() : r.blocks(), b
					.layers(), b.growth());
			}
			default -> throw new IllegalArgumentException("unknown encoder '" + r.encoder() + "': use edsr-baseline or rdn");
		};
		LiifSpec spec = LiifSpec.builder(enc).hidden(r.hidden()).build();
		return new LiifModel(ModelInitialiser.initialise(spec, r.config().seed()), new ModelDescriptor(name, r.config().minScale(), r
			.config().maxScale(), null));
	}
}
