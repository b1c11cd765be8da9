package io.github.liif.network;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.liif.geometry.QueryBatch;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.EncoderSpec;
import io.github.liif.model.LiifModelWeights;
import io.github.liif.model.LiifSpec;
import io.github.liif.model.Padding;
import io.github.liif.model.RdnSpec;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import io.github.liif.network.StageTimes.Stage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A LIIF network on DJL: the encoder and the MLP decoder as functions of the reference-named
 * parameters. Thread-safe for inference: parameters are only read; every call works in the
 * caller's manager scope.
 *
 * <p>Shapes: images and features (B, C, H, W); latent tables (B*H*W, D); query inputs
 * (N, 2) relative coordinates, or (N, 4) with the cell; outputs (N, out).
 */
public final class LiifNetwork implements AutoCloseable {

	private final LiifSpec spec;
	private final NDManager manager;
	private final Map<String, NDArray> params;
	private final Encoder encoder;

	private LiifNetwork(LiifSpec spec, NDManager manager, Map<String, NDArray> params) {
		this.spec = spec;
		this.manager = manager;
		this.params = Collections.unmodifiableMap(params);
		this.encoder = spec.encoder().match(new EncoderSpec.Cases<Encoder>() {

			@Override
			public Encoder edsr(EdsrSpec edsr) {
				return new EdsrEncoder(edsr, LiifNetwork.this.params, spec.padding());
			}

			@Override
			public Encoder rdn(RdnSpec rdn) {
				return new RdnEncoder(rdn, LiifNetwork.this.params, spec.padding());
			}
		});
	}

	/** Copies the weights into native arrays owned by a new manager on {@code device}. */
	public static LiifNetwork create(LiifModelWeights model, Device device) {
		NDManager manager = NDManager.newBaseManager(device);
		try {
			Map<String, NDArray> params = new LinkedHashMap<>();
			StateDict sd = model.stateDict();
			for (String name : model.spec().parameterShapes().keySet()) {
				Weights w = sd.get(name);
				NDArray a = manager.create(w.data(), new Shape(w.shape()));
				a.setName(name);
				params.put(name, a);
			}
			return new LiifNetwork(model.spec(), manager, params);
		}
		catch (RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	public LiifSpec spec() {
		return spec;
	}

	public Device device() {
		return manager.getDevice();
	}

	/** The parameters by reference name (for training and export). */
	public Map<String, NDArray> parameters() {
		return params;
	}

	/** Current parameter values copied back to Java arrays. */
	public StateDict stateDict() {
		Map<String, Weights> out = new LinkedHashMap<>();
		params.forEach((k, v) -> out.put(k, new Weights(v.getShape().getShape(), v.toFloatArray())));
		return new StateDict(out);
	}

	/**
	 * The reference's input mapping, [0, 1] -> [-1, 1]: (v - 0.5) / 0.5. The network works in
	 * that space; images enter and leave it here only.
	 */
	public static NDArray toNetworkSpace(NDArray image) {
		return image.sub(0.5f).div(0.5f);
	}

	/** {@link #toNetworkSpace(NDArray)} of one value (training targets). */
	public static float toNetworkSpace(float v) {
		return (v - 0.5f) / 0.5f;
	}

	/** Back to [0, 1]: v * 0.5 + 0.5. */
	public static NDArray toImageSpace(NDArray values) {
		return values.mul(0.5f).add(0.5f);
	}

	/** Image (B, Cin, H, W) in [0, 1] to features (B, C, H, W). */
	public NDArray encode(NDArray image) {
		return encoder.forward(toNetworkSpace(image));
	}

	/**
	 * The per-LR-pixel table the decoder gathers from: (B*H*W, D), rows in (b, y, x) order.
	 * REFERENCE: the unfolded features, D = C*9 (channel-major) or C. SPLIT: the latent part of
	 * the first layer plus its bias, D = first hidden size.
	 */
	public NDArray latentTable(NDArray features, DecoderMode mode) {
		NDManager scope = features.getManager();
		long c = features.getShape().get(1);
		if (mode == DecoderMode.REFERENCE) {
			NDArray latent = spec.featureUnfold() ? unfold3x3(features, spec.padding()) : features;
			return rowPerPixel(latent);
		}
		NDArray w1 = params.get(LiifSpec.linearName(0) + ".weight");
		long hidden = w1.getShape().get(0);
		int k = spec.featureUnfold() ? 3 : 1;
		NDArray kernel = Layers.scoped(w1.get(":, 0:" + spec.latentWidth()), scope).reshape(hidden, c, k, k);
		NDArray bias = params.get(LiifSpec.linearName(0) + ".bias");
		return rowPerPixel(Layers.conv(features, kernel, bias, spec.padding()));
	}

	/**
	 * (B, D, H, W) -> (B*H*W, D), rows in (b, y, x) order, stored row by row. NB: reshaping the
	 * transposed array alone gives a strided view (for B = 1), whose rows the decoder would
	 * gather D scattered floats at a time: 13-20 % of its time; flattening first makes the copy.
	 */
	private static NDArray rowPerPixel(NDArray maps) {
		Shape s = maps.getShape();
		long d = s.get(1);
		long pixels = s.get(0) * s.get(2) * s.get(3);
		return maps.reshape(s.get(0), d, s.get(2) * s.get(3)).transpose(0, 2, 1).reshape(pixels * d).reshape(pixels, d);
	}

	/**
	 * Feature unfolding with the model's padding (the reference's: zeros), ordered channel-major
	 * (channel c, then the 3x3 neighbours row by row): (B, C, H, W) -> (B, 9C, H, W).
	 */
	static NDArray unfold3x3(NDArray features, Padding padding) {
		Shape s = features.getShape();
		long h = s.get(2);
		long w = s.get(3);
		NDArray padded = padding == Padding.REFLECT ? Layers.reflect(features, 1) : features.pad(new Shape(1, 1, 1, 1), 0);
		NDArray[] shifted = new NDArray[9];
		for (int dy = 0; dy < 3; dy++) {
			for (int dx = 0; dx < 3; dx++) {
				shifted[dy * 3 + dx] = padded.get(":, :, " + dy + ":" + (dy + h) + ", " + dx + ":" + (dx + w));
			}
		}
		NDArray stacked = NDArrays.stack(new NDList(shifted), 2);
		return stacked.reshape(s.get(0), s.get(1) * 9, h, w);
	}

	/**
	 * Decodes N queries.
	 *
	 * @param table from {@link #latentTable} with the same mode
	 * @param rows (N) int64 row of each query's latent in {@code table}; results belong to its manager
	 * @param coords (N, 2) relative coordinates, or (N, 4) relative coordinates then cell
	 * @param times charged the gather, the first layer, the hidden layers and the activations
	 * @return (N, out) predictions in the normalised space
	 */
	public NDArray decode(NDArray table, DecoderMode mode, NDArray rows, NDArray coords, StageTimes times) {
		NDManager scope = rows.getManager();
		NDArray latent = Layers.gatherRows(table, rows);
		times.lap(Stage.GATHER);
		NDArray w1 = params.get(LiifSpec.linearName(0) + ".weight");
		NDArray x;
		if (mode == DecoderMode.REFERENCE) {
			x = Layers.dense(latent.concat(coords, 1), w1, params.get(LiifSpec.linearName(0) + ".bias"));
		}
		else {
			// the latent rows (their part of the first layer, bias included) enter as the bias of
			// the coordinate part: one fused multiply-add (addmm) over the batch
			NDArray wCoords = Layers.scoped(w1.get(":, " + spec.latentWidth() + ":"), scope);
			x = Layers.linear(coords, wCoords, latent);
		}
		times.lap(Stage.FIRST_LAYER);
		for (int i = 1; i < spec.linearLayers(); i++) {
			NDArray activated = Layers.relu(x);
			times.lap(Stage.ACTIVATIONS);
			x = Layers.dense(activated, params.get(LiifSpec.linearName(i) + ".weight"), params.get(LiifSpec.linearName(i)
				+ ".bias"));
			times.lap(Stage.HIDDEN_LAYERS);
		}
		return x;
	}

	/**
	 * Decodes a query batch and blends its local ensemble: (S*N) predictions -> (N, out), in
	 * the normalised space, plus the batch's residual base for a model with a global residual.
	 * Arrays are created in {@code scope}.
	 */
	public NDArray decodeBlended(NDArray table, DecoderMode mode, QueryBatch batch, NDManager scope) {
		return decodeBlended(table, mode, batch, scope, StageTimes.NONE);
	}

	/** {@link #decodeBlended(NDArray, DecoderMode, QueryBatch, NDManager)}, its stages charged to {@code times}. */
	public NDArray decodeBlended(NDArray table, DecoderMode mode, QueryBatch batch, NDManager scope, StageTimes times) {
		int n = batch.queries();
		int shifts = batch.shiftsPerQuery();
		NDArray rows = StagedArrays.create(scope, batch.latentRows());
		NDArray coords = StagedArrays.create(scope, batch.coords(), new Shape((long) n * shifts, batch.coordWidth()));
		NDArray weights = StagedArrays.create(scope, batch.weights(), new Shape(shifts, n, 1));
		NDArray base = spec.residualChannels() == 0 ? null : StagedArrays.create(scope, batch.base(), new Shape(n, spec
			.residualChannels()));
		times.lap(Stage.STAGING);
		NDArray pred = decode(table, mode, rows, coords, times);
		long out = pred.getShape().get(1);
		NDArray blended = pred.reshape(shifts, n, out).mul(weights).sum(new int[]{ 0 });
		if (base != null) blended = blended.add(toNetworkSpace(base));
		times.lap(Stage.BLEND);
		return blended;
	}

	@Override
	public void close() {
		manager.close();
	}
}
