package io.github.liif.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a LIIF architecture off a state dict's names and shapes, so that bare weights
 * ({@code .npz}, {@code .safetensors}, a reference {@code .pth}) need no side file. Only
 * the local-ensemble switch and EDSR's residual scale leave no trace in the weights; they come
 * from the reference {@code args} when present, else the reference defaults.
 */
public final class SpecInference {

	private SpecInference() {}

	/**
	 * @param weights reference-named parameters
	 * @param args the reference's {@code model.args} map, or null
	 * @return the architecture and the weights it uses, validated
	 */
	public static LiifModelWeights infer(StateDict weights, Map<?, ?> args) throws ModelFormatException {
		EncoderSpec encoder = inferEncoder(weights, args);
		List<long[]> linears = new ArrayList<>();
		for (int i = 0; weights.contains(LiifSpec.linearName(i) + ".weight"); i++) {
			long[] shape = weights.get(LiifSpec.linearName(i) + ".weight").shape();
			if (shape.length != 2) throw new ModelFormatException(LiifSpec.linearName(i) + ".weight is not a matrix");
			linears.add(shape);
		}
		if (linears.size() < 2) {
			throw new ModelFormatException("no LIIF decoder found: expected imnet.layers.0.weight, "
				+ "imnet.layers.2.weight, ... (an MLP with at least one hidden layer)");
		}
		int[] hidden = new int[linears.size() - 1];
		for (int i = 0; i < hidden.length; i++) hidden[i] = Math.toIntExact(linears.get(i)[0]);
		int outChannels = Math.toIntExact(linears.get(linears.size() - 1)[0]);
		long input = linears.get(0)[1];
		int c = encoder.outChannels();
		boolean unfold;
		boolean cell;
		if (input == 9L * c + 4) {
			unfold = true;
			cell = true;
		}
		else if (input == 9L * c + 2) {
			unfold = true;
			cell = false;
		}
		else if (input == c + 4L) {
			unfold = false;
			cell = true;
		}
		else if (input == c + 2L) {
			unfold = false;
			cell = false;
		}
		else {
			throw new ModelFormatException("the decoder's input width " + input + " does not fit " + c
				+ " encoder features (expected 9C+4, 9C+2, C+4 or C+2)");
		}
		boolean ensemble = flag(args, "local_ensemble", true);
		if (args != null) {
			unfold = checkFlag(args, "feat_unfold", unfold);
			cell = checkFlag(args, "cell_decode", cell);
		}
		LiifSpec spec;
		try {
			spec = LiifSpec.builder(encoder).hidden(hidden).outChannels(outChannels).featureUnfold(unfold).localEnsemble(ensemble)
				.cellDecode(cell).globalResidual(choice(args, "global_residual", GlobalResidual.NONE, GlobalResidual::parse))
				.padding(choice(args, "padding_mode", Padding.ZEROS, Padding::parse)).build();
		}
		catch (IllegalArgumentException e) {
			throw new ModelFormatException(e.getMessage(), e);
		}
		return new LiifModelWeights(spec, spec.validate(weights));
	}

	private static EncoderSpec inferEncoder(StateDict w, Map<?, ?> args) throws ModelFormatException {
		String declared = encoderName(args);
		try {
			if (w.contains(EdsrSpec.HEAD + ".weight")) {
				long[] head = conv(w, EdsrSpec.HEAD + ".weight");
				int blocks = 0;
				while (w.contains(EdsrSpec.blockConvName(blocks, 0) + ".weight")) blocks++;
				double resScale = declared != null && declared.equals("edsr") ? 0.1 : 1.0;
				Object s = encoderArg(args, "res_scale");
				if (s instanceof Number n) resScale = n.doubleValue();
				if (declared != null && !declared.startsWith("edsr")) mismatch(declared, "EDSR");
				return new EdsrSpec((int) head[1], blocks, (int) head[0], resScale);
			}
			if (w.contains(RdnSpec.FIRST + ".weight")) {
				long[] first = conv(w, RdnSpec.FIRST + ".weight");
				int blocks = 0;
				while (w.contains(RdnSpec.localFusionName(blocks) + ".weight")) blocks++;
				int layers = 0;
				while (w.contains(RdnSpec.denseConvName(0, layers) + ".weight")) layers++;
				if (blocks == 0 || layers == 0) throw new ModelFormatException("RDN encoder without dense blocks");
				long growth = conv(w, RdnSpec.denseConvName(0, 0) + ".weight")[0];
				if (declared != null && !declared.equals("rdn")) mismatch(declared, "RDN");
				return new RdnSpec((int) first[1], (int) first[0], blocks, layers, (int) growth);
			}
		}
		catch (IllegalArgumentException e) {
			throw new ModelFormatException("invalid encoder weights: " + e.getMessage(), e);
		}
		throw new ModelFormatException("unknown encoder: the weights have neither EDSR layers "
			+ "(encoder.head.0.*) nor RDN layers (encoder.SFENet1.*)" + (declared == null ? ""
				: "; the checkpoint names encoder '" + declared + "'")
			+ ". Supported: EDSR-baseline/EDSR and RDN encoders of the reference LIIF code.");
	}

	private static void mismatch(String declared, String found) throws ModelFormatException {
		throw new ModelFormatException("the checkpoint declares encoder '" + declared + "' but its weights are those of "
			+ found);
	}

	private static long[] conv(StateDict w, String name) throws ModelFormatException {
		long[] s = w.get(name).shape();
		if (s.length != 4) throw new ModelFormatException(name + " is not a convolution kernel");
		return s;
	}

	private static String encoderName(Map<?, ?> args) {
		if (args == null || !(args.get("encoder_spec") instanceof Map<?, ?> spec)) return null;
		return spec.get("name") instanceof String s ? s : null;
	}

	private static Object encoderArg(Map<?, ?> args, String key) {
		if (args == null || !(args.get("encoder_spec") instanceof Map<?, ?> spec)) return null;
		return spec.get("args") instanceof Map<?, ?> a ? a.get(key) : null;
	}

	/** The model argument {@code key} as a choice of this version ({@code parse}), or {@code absent}. */
	private static <T> T choice(Map<?, ?> args, String key, T absent, Function<String, T> parse) throws ModelFormatException {
		if (args == null || args.get(key) == null) return absent;
		try {
			return parse.apply(String.valueOf(args.get(key)));
		}
		catch (IllegalArgumentException e) {
			throw new ModelFormatException("the model's " + key + " is not one this version knows: " + e.getMessage()
				+ "; a newer version of LIIF Upscale may read it", e);
		}
	}

	private static boolean flag(Map<?, ?> args, String key, boolean fallback) {
		return args != null && args.get(key) instanceof Boolean b ? b : fallback;
	}

	private static boolean checkFlag(Map<?, ?> args, String key, boolean fromWeights) throws ModelFormatException {
		boolean declared = flag(args, key, fromWeights);
		if (declared != fromWeights) {
			throw new ModelFormatException("the checkpoint declares " + key + "=" + declared + " but its decoder weights say "
				+ fromWeights);
		}
		return declared;
	}
}
