package io.github.liif.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full architecture of a LIIF network: encoder, MLP decoder and the three switches of the
 * reference ({@code feat_unfold}, {@code local_ensemble}, {@code cell_decode}). Immutable;
 * build with {@link #builder(EncoderSpec)}.
 */
public final class LiifSpec {

	/** Reference parameters that exist in checkpoints but are unused in the forward pass. */
	private static final List<String> UNUSED_PREFIXES = List.of("encoder.sub_mean.", "encoder.add_mean.");

	private final EncoderSpec encoder;
	private final int[] hidden;
	private final int outChannels;
	private final boolean featureUnfold;
	private final boolean localEnsemble;
	private final boolean cellDecode;
	private final GlobalResidual globalResidual;
	private final Padding padding;

	private LiifSpec(Builder b) {
		this.encoder = b.encoder;
		this.hidden = b.hidden.clone();
		this.outChannels = b.outChannels;
		this.featureUnfold = b.featureUnfold;
		this.localEnsemble = b.localEnsemble;
		this.cellDecode = b.cellDecode;
		this.globalResidual = b.globalResidual;
		this.padding = b.padding;
	}

	public static Builder builder(EncoderSpec encoder) {
		return new Builder(encoder);
	}

	public Builder toBuilder() {
		return new Builder(encoder).hidden(hidden).outChannels(outChannels).featureUnfold(featureUnfold).localEnsemble(
			localEnsemble).cellDecode(cellDecode).globalResidual(globalResidual).padding(padding);
	}

	public EncoderSpec encoder() {
		return encoder;
	}

	public int[] hidden() {
		return hidden.clone();
	}

	public int inChannels() {
		return encoder.inChannels();
	}

	public int outChannels() {
		return outChannels;
	}

	public boolean featureUnfold() {
		return featureUnfold;
	}

	public boolean localEnsemble() {
		return localEnsemble;
	}

	public boolean cellDecode() {
		return cellDecode;
	}

	/** Whether the decoder adds to a bicubic upsampling of the input ({@link GlobalResidual#NONE}: the reference). */
	public GlobalResidual globalResidual() {
		return globalResidual;
	}

	/** What the convolutions see beyond the image border ({@link Padding#ZEROS}: the reference). */
	public Padding padding() {
		return padding;
	}

	/** Channels of the residual base per query: the image's, or 0 without a global residual. */
	public int residualChannels() {
		return globalResidual == GlobalResidual.NONE ? 0 : inChannels();
	}

	/** Width of the latent part of the decoder input: C * 9 with unfolding, else C. */
	public int latentWidth() {
		return encoder.outChannels() * (featureUnfold ? 9 : 1);
	}

	/** Decoder input: latent, 2 relative coordinates, and 2 cell values if cell decoding. */
	public int decoderInputWidth() {
		return latentWidth() + 2 + (cellDecode ? 2 : 0);
	}

	/** LR halo a tile needs for exact results: encoder receptive field plus unfolding. */
	public int tileHalo() {
		return encoder.receptiveRadius() + (featureUnfold ? 1 : 0);
	}

	/** Number of MLP linear layers. */
	public int linearLayers() {
		return hidden.length + 1;
	}

	/** Every parameter with its reference name and shape. */
	public Map<String, long[]> parameterShapes() {
		Map<String, long[]> shapes = new LinkedHashMap<>();
		shapes.putAll(encoder.parameterShapes());
		int in = decoderInputWidth();
		for (int i = 0; i < linearLayers(); i++) {
			int out = i < hidden.length ? hidden[i] : outChannels;
			shapes.put(linearName(i) + ".weight", new long[]{ out, in });
			shapes.put(linearName(i) + ".bias", new long[]{ out });
			in = out;
		}
		return shapes;
	}

	/** Reference name of MLP linear layer i (ReLUs sit between them in the Sequential). */
	public static String linearName(int i) {
		return "imnet.layers." + (2 * i);
	}

	/**
	 * Checks that {@code weights} holds exactly this architecture's parameters (the reference's
	 * unused mean-shift layers are tolerated) and returns a copy without the unused ones.
	 */
	public StateDict validate(StateDict weights) throws ModelFormatException {
		Map<String, long[]> expected = parameterShapes();
		List<String> problems = new ArrayList<>();
		Map<String, Weights> used = new LinkedHashMap<>();
		for (Map.Entry<String, long[]> e : expected.entrySet()) {
			if (!weights.contains(e.getKey())) {
				problems.add("missing " + e.getKey());
				continue;
			}
			Weights w = weights.get(e.getKey());
			if (!w.hasShape(e.getValue())) {
				problems.add(e.getKey() + " has shape " + w + ", expected " + Arrays.toString(e.getValue()));
			}
			used.put(e.getKey(), w);
		}
		Set<String> unknown = new TreeSet<>(weights.names());
		unknown.removeAll(expected.keySet());
		unknown.removeIf(n -> UNUSED_PREFIXES.stream().anyMatch(n::startsWith));
		if (!unknown.isEmpty()) problems.add("unknown layer names " + abbreviate(unknown));
		if (!problems.isEmpty()) {
			throw new ModelFormatException("the weights do not fit a LIIF model with encoder " + encoder.name() + ": "
				+ abbreviate(problems)
				+ ". Use a checkpoint of the reference LIIF code (EDSR-baseline or RDN encoder, MLP decoder)"
				+ " or a model made by 'liif train'.");
		}
		return new StateDict(used);
	}

	private static String abbreviate(Collection<String> items) {
		List<String> list = new ArrayList<>(items);
		if (list.size() <= 5) return String.join(", ", list);
		return String.join(", ", list.subList(0, 5)) + " and " + (list.size() - 5) + " more";
	}

	/** The reference's {@code model.args}, for descriptors and exports. */
	public Map<String, Object> referenceArgs() {
		Map<String, Object> encoderSpec = new LinkedHashMap<>();
		encoderSpec.put("name", encoder.name());
		encoderSpec.put("args", encoder.args());
		Map<String, Object> imnetArgs = new LinkedHashMap<>();
		imnetArgs.put("out_dim", outChannels);
		List<Integer> hiddenList = new ArrayList<>();
		for (int h : hidden) hiddenList.add(h);
		imnetArgs.put("hidden_list", hiddenList);
		Map<String, Object> imnetSpec = new LinkedHashMap<>();
		imnetSpec.put("name", "mlp");
		imnetSpec.put("args", imnetArgs);
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("encoder_spec", encoderSpec);
		args.put("imnet_spec", imnetSpec);
		args.put("local_ensemble", localEnsemble);
		args.put("feat_unfold", featureUnfold);
		args.put("cell_decode", cellDecode);
		// absent for the reference's form, so its exports stay the reference's args
		if (globalResidual != GlobalResidual.NONE) args.put("global_residual", globalResidual.id());
		if (padding != Padding.ZEROS) args.put("padding_mode", padding.id());
		return args;
	}

	@Override
	public String toString() {
		return "LIIF(" + encoder.name() + " " + encoder.args() + ", MLP " + Arrays.toString(hidden) + " -> " + outChannels
			+ ", unfold " + featureUnfold + ", ensemble " + localEnsemble + ", cell " + cellDecode
			+ (globalResidual == GlobalResidual.NONE ? "" : ", residual " + globalResidual.id()) + (padding == Padding.ZEROS ? ""
				: ", padding " + padding.id()) + ")";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LiifSpec s && s.toString().equals(toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	/** Builder: the encoder is required; defaults are the reference's (MLP 256 x 4, all switches on). */
	public static final class Builder {

		private EncoderSpec encoder;
		private int[] hidden = { 256, 256, 256, 256 };
		private int outChannels;
		private boolean featureUnfold = true;
		private boolean localEnsemble = true;
		private boolean cellDecode = true;
		private GlobalResidual globalResidual = GlobalResidual.NONE;
		private Padding padding = Padding.ZEROS;

		private Builder(EncoderSpec encoder) {
			this.encoder = encoder;
			this.outChannels = encoder.inChannels();
		}

		public Builder encoder(EncoderSpec spec) {
			this.encoder = spec;
			return this;
		}

		public Builder hidden(int... sizes) {
			this.hidden = sizes.clone();
			return this;
		}

		public Builder outChannels(int n) {
			this.outChannels = n;
			return this;
		}

		public Builder featureUnfold(boolean on) {
			this.featureUnfold = on;
			return this;
		}

		public Builder localEnsemble(boolean on) {
			this.localEnsemble = on;
			return this;
		}

		public Builder cellDecode(boolean on) {
			this.cellDecode = on;
			return this;
		}

		public Builder globalResidual(GlobalResidual residual) {
			this.globalResidual = Objects.requireNonNull(residual);
			return this;
		}

		public Builder padding(Padding mode) {
			this.padding = Objects.requireNonNull(mode);
			return this;
		}

		public LiifSpec build() {
			if (hidden.length == 0) throw new IllegalArgumentException("the MLP needs at least one hidden layer");
			for (int h : hidden) {
				if (h < 1) throw new IllegalArgumentException("hidden sizes must be positive: " + Arrays.toString(hidden));
			}
			if (outChannels < 1) throw new IllegalArgumentException("output channels must be positive");
			if (globalResidual != GlobalResidual.NONE && outChannels != encoder.inChannels()) {
				throw new IllegalArgumentException("a global residual needs as many output channels as input channels, got "
					+ encoder.inChannels() + " -> " + outChannels);
			}
			return new LiifSpec(this);
		}
	}
}
