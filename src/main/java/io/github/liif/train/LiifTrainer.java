package io.github.liif.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.liif.eval.EvalRow;
import io.github.liif.eval.Evaluation;
import io.github.liif.image.Degradation;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Monitor;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.inference.Upscaler;
import io.github.liif.io.AtomicFiles;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.network.DecoderMode;
import io.github.liif.network.LiifNetwork;
import io.github.liif.runtime.Engines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a LIIF network with the reference's recipe on DJL: L1 loss on sampled HR pixels, Adam,
 * step decay, the exact first-layer split in the decoder; optionally an average of the weights.
 * Batches are made on a background thread; each is a pure function of (seed, iteration), so
 * checkpoints plus {@code resume} reproduce the uninterrupted run.
 */
public final class LiifTrainer {

	/** Validation scales (the reference's in-distribution ones). */
	public static final double[] VALIDATION_SCALES = { 2, 3, 4 };
	private static final int PREFETCH = 2;

	private final TrainingRun run;
	private final TrainingListener listener;
	private final Device device;

	public LiifTrainer(TrainingRun run, TrainingListener listener, Device device) {
		this.run = run;
		this.listener = listener;
		this.device = device;
	}

	/**
	 * Trains from the start, or from the checkpoint when {@code resume}. Returns the final
	 * model, also written to the run's output.
	 *
	 * @throws CancelledException when cancelled (a checkpoint has been written)
	 */
	public LiifModel train(boolean resume) throws IOException, ModelFormatException {
		TrainingConfig config = run.config();
		// a run killed while writing its checkpoint or model leaves their temporary files behind
		AtomicFiles.removeLeftovers(run.checkpoint());
		AtomicFiles.removeLeftovers(run.output());
		Checkpoints.State state = resume ? Checkpoints.read(run.checkpoint()) : null;
		LiifModelWeights startWeights = state == null ? run.start().weights() : new LiifModelWeights(state.model().weights()
			.spec(), state.trained());
		List<JsonObject> history = state == null ? new ArrayList<>() : state.history();
		long iteration = state == null ? 0 : state.iteration();
		Engines.pytorch();
		ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "liif-patches");
			t.setDaemon(true);
			return t;
		});
		try (LiifNetwork net = LiifNetwork.create(startWeights, device); NDManager base = NDManager.newBaseManager(device)) {
			Map<String, NDArray> trainable = new LinkedHashMap<>();
			net.parameters().forEach((k, p) -> {
				if (!(config.freezeEncoder() && k.startsWith("encoder."))) {
					p.setRequiresGradient(true);
					trainable.put(k, p);
				}
			});
			try (Adam adam = new Adam(base, trainable);
				WeightAverage average = config.averageDecay() > 0 ? new WeightAverage(base, trainable, config.averageDecay(),
					state == null ? null : state.model().weights().stateDict()) : null)
			{
				if (state != null) adam.restore(state.optimizer());
				PatchSampler sampler = new PatchSampler(run.train(), config, net.spec());
				ArrayBlockingQueue<Future<TrainingBatch>> queue = new ArrayBlockingQueue<>(PREFETCH + 1);
				long next = iteration;
				for (int i = 0; i < PREFETCH && next < config.iterations(); i++, next++) {
					long it = next;
					queue.add(producer.submit(() -> sampler.batch(it)));
				}
				long started = System.nanoTime();
				long startIteration = iteration;
				double lossSum = 0;
				int lossCount = 0;
				while (iteration < config.iterations()) {
					if (listener.isCancelled()) {
						writeCheckpoint(net, adam, average, iteration, history);
						throw new CancelledException();
					}
					TrainingBatch batch = take(queue);
					if (next < config.iterations()) {
						long it = next++;
						queue.add(producer.submit(() -> sampler.batch(it)));
					}
					double loss = step(net, adam, average, base, batch, config.learningRateAt(iteration));
					iteration++;
					lossSum += loss;
					lossCount++;
					double rate = (iteration - startIteration) / ((System.nanoTime() - started) / 1e9);
					listener.iteration(iteration, config.iterations(), loss, rate);
					boolean last = iteration == config.iterations();
					if (iteration % config.validateEvery() == 0 || last) {
						List<EvalRow> rows = validate(shipped(net, net.stateDict(), average));
						history.add(historyEntry(iteration, lossSum / lossCount, rows));
						Checkpoints.appendValidationLog(run.validationLog(), iteration, lossSum / lossCount, rows);
						lossSum = 0;
						lossCount = 0;
						listener.validated(iteration, rows);
					}
					if (iteration % config.checkpointEvery() == 0 || last) {
						writeCheckpoint(net, adam, average, iteration, history);
					}
				}
				LiifModel result = model(shipped(net, net.stateDict(), average), iteration, history);
				ModelFiles.save(result, run.output(), true);
				return result;
			}
		}
		finally {
			producer.shutdownNow();
		}
	}

	private static TrainingBatch take(ArrayBlockingQueue<Future<TrainingBatch>> queue) {
		try {
			return queue.remove().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("making a training batch failed: " + e.getCause(), e.getCause());
		}
	}

	/** One optimisation step (and weight-average update, if any); returns the batch's L1 loss. */
	private static double step(LiifNetwork net, Adam adam, WeightAverage average, NDManager base, TrainingBatch batch,
		double learningRate)
	{
		try (NDManager scope = base.newSubManager()) {
			NDArray loss;
			try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
				NDArray input = scope.create(batch.lowRes(), new Shape(batch.size(), batch.channels(), batch.patch(), batch
					.patch()));
				NDArray table = net.latentTable(net.encode(input), DecoderMode.SPLIT);
				NDArray pred = net.decodeBlended(table, DecoderMode.SPLIT, batch.queries(), scope);
				NDArray truth = scope.create(batch.targets(), pred.getShape());
				loss = pred.sub(truth).abs().mean();
				collector.backward(loss);
			}
			JniUtils.setGradMode(false);
			adam.update(learningRate, scope);
			if (average != null) average.update(scope);
			return loss.getFloat();
		}
	}

	/** The weights the run ships: the average when there is one, else the current ones. */
	private static LiifModelWeights shipped(LiifNetwork net, StateDict current, WeightAverage average) {
		return new LiifModelWeights(net.spec(), average == null ? current : average.applyTo(current));
	}

	private List<EvalRow> validate(LiifModelWeights weights) {
		if (run.validation().isEmpty()) return List.of();
		try (LiifNetwork net = LiifNetwork.create(weights, device)) {
			Upscaler upscaler = new Upscaler(net, UpscaleOptions.DEFAULT);
			// validated on what the model learns: restoring the rows for axial models, and the
			// reduction its recipe assumes (a mixture: camera binning)
			Degradation reduction = run.config().assumedDegradation();
			Evaluation protocol = run.config().axial() ? Evaluation.axial(reduction, run.config().axialSigma(), false)
				: new Evaluation(reduction, false);
			return protocol.run(upscaler, run.validation(), VALIDATION_SCALES, Monitor.NONE);
		}
	}

	private static JsonObject historyEntry(long iteration, double loss, List<EvalRow> rows) {
		JsonObject e = new JsonObject();
		e.addProperty("iteration", iteration);
		e.addProperty("loss", loss);
		for (double s : VALIDATION_SCALES) {
			e.addProperty("psnr_x" + (int) s, Evaluation.mean(rows, s, EvalRow::psnr));
			e.addProperty("bicubic_x" + (int) s, Evaluation.mean(rows, s, EvalRow::psnrBicubic));
		}
		return e;
	}

	private void writeCheckpoint(LiifNetwork net, Adam adam, WeightAverage average, long iteration, List<JsonObject> history)
		throws IOException
	{
		JniUtils.setGradMode(false);
		StateDict current = net.stateDict();
		Checkpoints.write(run.checkpoint(), model(shipped(net, current, average), iteration, history), average == null ? null
			: current, adam.state(), iteration, run.config(), history);
		listener.checkpointed(iteration, run.checkpoint());
	}

	/** {@code weights} with provenance; a fine-tuned model keeps its base's training as {@code base}. */
	private LiifModel model(LiifModelWeights weights, long iteration, List<JsonObject> history) {
		JsonObject p = run.start().descriptor().provenance();
		JsonObject training = new JsonObject();
		training.addProperty("data", run.dataDescription());
		training.addProperty("training_images", run.train().size());
		training.addProperty("validation_images", run.validation().size());
		training.addProperty("iterations", iteration);
		training.add("recipe", run.config().toJson());
		JsonArray validation = new JsonArray();
		history.forEach(validation::add);
		training.add("validation", validation);
		JsonObject provenance = new JsonObject();
		provenance.add("training", training);
		if (!p.entrySet().isEmpty()) provenance.add("base", p);
		ModelDescriptor d = new ModelDescriptor(run.start().descriptor().name(), run.config().minScale(), run.config().maxScale(),
			provenance);
		return new LiifModel(weights, d);
	}
}
