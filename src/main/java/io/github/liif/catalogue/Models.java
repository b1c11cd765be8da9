package io.github.liif.catalogue;

import com.google.gson.JsonObject;
import io.github.liif.image.Degradation;
import io.github.liif.inference.Consistency;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelFormatException;
import io.github.liif.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds models by name: "default" (chosen by image kind), a bundled name ("natural",
 * "microscopy"), or a file path. Bundled models live in the jar under {@code /models/}.
 */
public final class Models {

	public static final String DEFAULT = "default";
	public static final String NATURAL = "natural";
	public static final String MICROSCOPY = "microscopy";
	public static final List<String> BUNDLED = List.of(NATURAL, MICROSCOPY);

	private Models() {}

	/** The bundled model for an image: RGB photographs -> natural, everything else -> microscopy. */
	public static String defaultFor(boolean rgb) {
		return rgb ? NATURAL : MICROSCOPY;
	}

	/** A front end's model choice, refused when blank: the one check of every request that names a model. */
	public static String requireChoice(String name) {
		if (name == null || name.isBlank())
			throw new IllegalArgumentException("no model given: use 'default', a bundled name or a model file");
		return name;
	}

	/** Whether a model name is a file path rather than "default" or a bundled name. */
	public static boolean isFile(String name) {
		return !DEFAULT.equalsIgnoreCase(name) && !BUNDLED.contains(name);
	}

	/**
	 * @param name "default", a bundled name or a file path
	 * @param rgbImage whether the image is RGB (picks the default)
	 */
	public static LiifModel load(String name, boolean rgbImage) throws ModelFormatException {
		if (isFile(name)) return ModelFiles.load(Path.of(name));
		return bundled(resolve(name, rgbImage));
	}

	/** The model a name means for an image: "default" becomes the bundled model for its kind, other names stay. */
	public static String resolve(String name, boolean rgbImage) {
		return DEFAULT.equalsIgnoreCase(name) ? defaultFor(rgbImage) : name;
	}

	private static String resource(String name) {
		return "/models/" + name + ".liif";
	}

	private static LiifModel bundled(String name) throws ModelFormatException {
		try (InputStream in = Models.class.getResourceAsStream(resource(name))) {
			if (in == null) {
				throw new ModelFormatException("the bundled model '" + name + "' is not in this build; "
					+ "give a model file instead");
			}
			return ModelFiles.load(in, name);
		}
		catch (IOException e) {
			throw new ModelFormatException("cannot read the bundled model '" + name + "': " + e.getMessage(), e);
		}
	}

	/** {@code choice} for this model: "auto" becomes its training degradation (and an axial model's blur along Z). */
	public static Consistency consistencyFor(Consistency choice, LiifModel model) {
		return choice.resolvedFor(trainingDegradation(model), trainingRowBlur(model));
	}

	/** An axially trained model's blur along the reduced axis (HR pixels), else 0. */
	static double trainingRowBlur(LiifModel model) {
		JsonObject p = model.descriptor().provenance();
		if (p != null && p.get("training") instanceof JsonObject t && t.get("recipe") instanceof JsonObject r && r.get(
			"axial") != null && r.get("axial").getAsBoolean() && r.get("axialSigma") != null)
		{
			return Math.max(0, r.get("axialSigma").getAsDouble());
		}
		return 0;
	}

	/**
	 * The reduction a model was trained for (the recipe in its provenance: its degradation, or for
	 * a mixture the one {@link TrainingConfig#assumedDegradation()} names); the reference's bicubic
	 * for reference checkpoints and models without a recipe.
	 */
	public static Degradation trainingDegradation(LiifModel model) {
		JsonObject p = model.descriptor().provenance();
		if (p != null && p.get("training") instanceof JsonObject t && t.get("recipe") instanceof JsonObject r) {
			try {
				return TrainingConfig.fromJson(r).assumedDegradation();
			}
			catch (RuntimeException e) {
				return Degradation.BICUBIC;
			}
		}
		return Degradation.BICUBIC;
	}
}
