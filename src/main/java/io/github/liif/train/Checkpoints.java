package io.github.liif.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.io.ModelFiles;
import io.github.liif.io.Safetensors;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training checkpoints: a normal {@code .liif} model file (usable for upscaling as it is: the
 * weights the run would ship) with more entries: the optimizer moments, the run state
 * (iteration, recipe, validation history) and, when the shipped weights are an average, the
 * trained weights the optimizer continues from. Written atomically, so a run killed mid-write
 * keeps the previous checkpoint.
 */
final class Checkpoints {

	static final String OPTIMIZER = "optimizer.safetensors";
	static final String RUN = "training-state.json";
	static final String TRAINED = "trained-weights.safetensors";

	/**
	 * What a checkpoint holds; {@code trained} are the optimizer's weights, the model's own
	 * unless the model is their average.
	 */
	record State(LiifModel model, StateDict trained, StateDict optimizer, long iteration, TrainingConfig config,
		List<JsonObject> history)
	{}

	private Checkpoints() {}

	/** @param trained the optimizer's weights when {@code model} holds their average, else null */
	static void write(Path file, LiifModel model, StateDict trained, StateDict optimizer, long iteration, TrainingConfig config,
		List<JsonObject> history) throws IOException
	{
		JsonObject run = new JsonObject();
		run.addProperty("iteration", iteration);
		run.add("config", config.toJson());
		JsonArray h = new JsonArray();
		history.forEach(h::add);
		run.add("history", h);
		byte[] runJson = new GsonBuilder().setPrettyPrinting().create().toJson(run).getBytes(StandardCharsets.UTF_8);
		Map<String, byte[]> extra = new LinkedHashMap<>();
		extra.put(OPTIMIZER, Safetensors.write(optimizer, Map.of()));
		extra.put(RUN, runJson);
		if (trained != null) extra.put(TRAINED, Safetensors.write(trained, Map.of()));
		ModelFiles.save(model, file, true, extra);
	}

	static State read(Path file) throws IOException, ModelFormatException {
		if (!Files.exists(file)) {
			throw new NoSuchFileException(file + ": no checkpoint to resume from; start without --resume");
		}
		Map<String, byte[]> entries = ModelFiles.entries(file);
		LiifModel model = ModelFiles.fromEntries(entries, file.getFileName().toString());
		if (!entries.containsKey(OPTIMIZER) || !entries.containsKey(RUN)) {
			throw new ModelFormatException(file + " is a model but not a training checkpoint");
		}
		StateDict optimizer = Safetensors.read(entries.get(OPTIMIZER)).weights();
		StateDict trained = entries.containsKey(TRAINED) ? Safetensors.read(entries.get(TRAINED)).weights() : model.weights()
			.stateDict();
		try {
			JsonObject run = JsonParser.parseString(new String(entries.get(RUN), StandardCharsets.UTF_8)).getAsJsonObject();
			List<JsonObject> history = new ArrayList<>();
			run.getAsJsonArray("history").forEach(e -> history.add(e.getAsJsonObject()));
			return new State(model, trained, optimizer, run.get("iteration").getAsLong(), TrainingConfig.fromJson(run
				.getAsJsonObject("config")), history);
		}
		catch (RuntimeException e) {
			throw new ModelFormatException(file + ": damaged training state (" + e.getMessage() + ")", e);
		}
	}

	/** Appends one line per validation: iteration, mean loss, then model and bicubic PSNR per scale. */
	static void appendValidationLog(Path csv, long iteration, double loss, List<EvalRow> rows) throws IOException {
		StringBuilder line = new StringBuilder();
		if (!Files.exists(csv)) {
			line.append("iteration,loss");
			for (double s : LiifTrainer.VALIDATION_SCALES)
				line.append(",psnr_x").append((int) s).append(",bicubic_x").append((int) s);
			line.append('\n');
		}
		line.append(iteration).append(',').append(String.format(Locale.ROOT, "%.5f", loss));
		for (double s : LiifTrainer.VALIDATION_SCALES) {
			line.append(String.format(Locale.ROOT, ",%.4f,%.4f", Evaluation.mean(rows, s, EvalRow::psnr), Evaluation.mean(rows, s,
				EvalRow::psnrBicubic)));
		}
		line.append('\n');
		Files.writeString(csv, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
