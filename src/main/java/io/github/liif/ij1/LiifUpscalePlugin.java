package io.github.liif.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.liif.app.RequestedSize;
import io.github.liif.app.UpscalePlan;
import io.github.liif.app.UpscaleRequest;
import io.github.liif.catalogue.Models;
import io.github.liif.imagej.ImageJUpscale;
import io.github.liif.imagej.ImagePlusData;
import io.github.liif.inference.CancelledException;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import io.github.liif.runtime.DeviceChoice;
import java.awt.Checkbox;
import java.awt.GraphicsEnvironment;
import java.awt.Label;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Vector;

/**
 * Plugins › LIIF Upscale for ImageJ 1 and Fiji. Macro keys: {@code model} ("default", a bundled
 * name or a file; or "From file..." with {@code model_file}), {@code scale_x}, {@code scale_y} (one
 * alone sets both; or {@code scale} for both), or {@code width} and {@code height} in output pixels, {@code scale_z} (a
 * factor or "isotropic": slices added along Z first; alone, the planes keep their size), {@code tile},
 * {@code device} (auto/cpu/gpu), {@code output} (same/32-bit), {@code consistency}. In batch mode
 * no dialog opens.
 */
public class LiifUpscalePlugin implements PlugIn {

	static final String TITLE = "LIIF Upscale";
	private static final String[] OUTPUTS = { "same", "32-bit" };
	/** The model choice that takes the file field (recorded as model=[From file...] model_file=[PATH]). */
	static final String FROM_FILE = "From file...";
	private static final String RECENT = "liif.recent_models";

	@Override
	public void run(String arg) {
		ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			fail(TITLE, "no image open: open an image first");
			return;
		}
		UpscaleRequest request;
		try {
			request = ask(imp);
		}
		catch (IllegalArgumentException e) {
			fail(TITLE, e.getMessage());
			return;
		}
		if (request == null) return;
		try {
			long start = System.currentTimeMillis();
			ImagePlus result = ImageJUpscale.run(imp, request, new ImageJMonitor(TITLE));
			result.show();
			IJ.showStatus(String.format(Locale.ROOT, "%s: %d x %d in %.1f s", TITLE, result.getWidth(), result.getHeight(),
				(System.currentTimeMillis() - start) / 1000.0));
		}
		catch (CancelledException e) {
			IJ.showStatus(TITLE + ": cancelled");
		}
		catch (Exception | OutOfMemoryError e) {
			fail(TITLE, e.getMessage() == null ? e.toString() : e.getMessage());
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/** Shows the dialog (or reads the macro options); null if the user cancelled. */
	UpscaleRequest ask(ImagePlus imp) {
		String options = Macro.getOptions();
		boolean macro = options != null;
		if (!macro && (Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless())) {
			// batch mode without options: defaults, never a dialog
			Macro.setOptions(" ");
			macro = true;
		}
		if (macro) return fromMacro(Macro.getOptions() == null ? "" : Macro.getOptions());
		GenericDialog gd = new GenericDialog(TITLE);
		String[] models = modelChoices();
		String remembered = Prefs.get("liif.model", Models.DEFAULT);
		gd.addChoice("model", models, Arrays.asList(models).contains(remembered) ? remembered : Models.DEFAULT);
		gd.addFileField("model_file", Prefs.get("liif.model_file", ""), 24);
		gd.addMessage("model: default (natural for RGB, microscopy otherwise), natural, microscopy, a recent file,\nor "
			+ FROM_FILE + " the file above (.liif, reference .pth, .safetensors, .npz)");
		gd.addNumericField("scale_x", Prefs.get("liif.scale_x", 2), 3);
		gd.addNumericField("scale_y", Prefs.get("liif.scale_y", 2), 3);
		gd.addCheckbox("link_scales", Prefs.get("liif.link", true));
		gd.addNumericField("width", 0, 0, 8, "px (0: use scales)");
		gd.addNumericField("height", 0, 0, 8, "px");
		gd.addStringField("scale_z", Prefs.get("liif.scale_z", "1"), 8);
		gd.addMessage("scale_z: 1 keeps the slices; a factor or " + ZScale.ISOTROPIC
			+ " (voxel depth = pixel width) adds slices\n" + "(the model on XZ and YZ planes, before XY)");
		gd.addNumericField("tile", Prefs.get("liif.tile", 256), 0);
		gd.addChoice("device", DeviceChoice.ids(), Prefs.get("liif.device", DeviceChoice.AUTO.id()));
		gd.addChoice("output", OUTPUTS, Prefs.get("liif.output", "same"));
		gd.addChoice("consistency", Consistency.CHOICES, Prefs.get("liif.consistency", Consistency.DEFAULT_ID));
		String initial;
		try {
			initial = preview(Prefs.get("liif.scale_x", 2), Prefs.get("liif.link", true) ? Prefs.get("liif.scale_x", 2) : Prefs
				.get("liif.scale_y", 2), 0, 0, Prefs.get("liif.scale_z", "1"), imp);
		}
		catch (RuntimeException e) {
			initial = "invalid: " + e.getMessage();
		}
		gd.addMessage(initial);
		Label result = (Label) gd.getMessage();
		gd.addDialogListener((dialog, event) -> {
			if (event == null) {
				// OK pressed: ImageJ records the macro options from the values this last call reads
				read(dialog);
				return true;
			}
			@SuppressWarnings("unchecked")
			Vector<TextField> fields = dialog.getNumericFields();
			@SuppressWarnings("unchecked")
			Vector<TextField> strings = dialog.getStringFields();
			if (event != null && event.getSource() == fields.get(0) && dialog.getCheckboxes().get(0) instanceof Checkbox link
				&& link.getState())
			{
				fields.get(1).setText(fields.get(0).getText());
			}
			try {
				result.setText(preview(parse(fields.get(0)), parse(fields.get(1)), (int) parse(fields.get(2)), (int) parse(fields
					.get(3)), strings.get(1).getText(), imp));
				return true;
			}
			catch (RuntimeException e) {
				result.setText("invalid: " + e.getMessage());
				return false;
			}
		});
		gd.addHelp(Help.UPSCALE);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		Choices c = read(gd);
		Prefs.set("liif.model", c.model.equals(c.file) ? FROM_FILE : c.model);
		Prefs.set("liif.model_file", c.file);
		if (Models.isFile(c.model)) rememberModelFile(c.model);
		Prefs.set("liif.scale_x", c.scaleX);
		Prefs.set("liif.scale_y", c.scaleY);
		Prefs.set("liif.link", c.link);
		Prefs.set("liif.tile", c.tile);
		Prefs.set("liif.device", c.device);
		Prefs.set("liif.output", c.output);
		Prefs.set("liif.consistency", c.consistency);
		Prefs.set("liif.scale_z", c.scaleZ);
		ZScale z = ZScale.parse(c.scaleZ);
		return UpscaleRequest.builder(size(c.scaleX, c.scaleY, c.width, c.height, z)).model(c.model).tile(c.tile).device(
			DeviceChoice.parse(c.device)).float32(c.output.equals("32-bit")).consistency(Consistency.parse(c.consistency)).z(z)
			.build();
	}

	/** The dialog's values, in the order of its fields; {@code model} is the chosen name or file. */
	private record Choices(String model, String file, double scaleX, double scaleY, boolean link, int width, int height,
		String scaleZ, int tile, String device, String output, String consistency)
	{}

	/** Reads every field with getNext*, which is what ImageJ's Recorder records; a linked scale_y is scale_x. */
	private static Choices read(GenericDialog gd) {
		String choice = gd.getNextChoice();
		String file = gd.getNextString().trim();
		double sx = gd.getNextNumber();
		double sy = gd.getNextNumber();
		boolean link = gd.getNextBoolean();
		int width = (int) gd.getNextNumber();
		int height = (int) gd.getNextNumber();
		String scaleZ = gd.getNextString().trim();
		return new Choices(choice.equals(FROM_FILE) ? file : choice, file, sx, link ? sx : sy, link, width, height, scaleZ,
			(int) gd.getNextNumber(), gd.getNextChoice(), gd.getNextChoice(), gd.getNextChoice());
	}

	/** default, the bundled models, the recently used model files, then {@link #FROM_FILE}. */
	private static String[] modelChoices() {
		List<String> items = new ArrayList<>(List.of(Models.DEFAULT, Models.NATURAL, Models.MICROSCOPY));
		for (String f : Prefs.get(RECENT, "").split("\t")) if (!f.isBlank() && !items.contains(f)) items.add(f);
		items.add(FROM_FILE);
		return items.toArray(String[]::new);
	}

	private static void rememberModelFile(String path) {
		List<String> recent = new ArrayList<>(List.of(path));
		for (String f : Prefs.get(RECENT, "").split("\t"))
			if (!f.isBlank() && !recent.contains(f) && recent.size() < 5) recent.add(f);
		Prefs.set(RECENT, String.join("\t", recent));
	}

	/** The "result: W x H pixels[ x N slices]" line for these field values, as the upscale plans it (it throws for invalid ones). */
	private static String preview(double sx, double sy, int width, int height, String scaleZ, ImagePlus imp) {
		ZScale z = ZScale.parse(scaleZ);
		UpscalePlan plan = UpscalePlan.of(ImagePlusData.of(imp), size(sx, sy, width, height, z), z, false, 1);
		String line = "result: " + plan.outWidth() + " x " + plan.outHeight() + " pixels";
		return z.isNone() ? line : line + " x " + plan.outZ() + " slices";
	}

	/** The dialog's size: it always holds both scales. */
	private static TargetSize size(double sx, double sy, int width, int height, ZScale z) {
		return RequestedSize.given(null, sx, sy, width, height, z).orElseThrow();
	}

	private static double parse(TextField f) {
		String t = f.getText().trim();
		return t.isEmpty() ? 0 : Double.parseDouble(t);
	}

	/**
	 * Every key the dialog reads (the Recorder writes them all), and {@code scale}, a macro's factor for
	 * both axes: any other key is refused.
	 */
	static final List<String> KEYS = List.of("model", "model_file", "scale", "scale_x", "scale_y", "link_scales", "width",
		"height", "scale_z", "tile", "device", "output", "consistency");

	/** Reads the macro keys; fixed defaults, never remembered choices, so macros are reproducible. */
	static UpscaleRequest fromMacro(String options) {
		MacroOptions.requireKnown(options, KEYS);
		String model = Macro.getValue(options, "model", Models.DEFAULT);
		if (model.equals(FROM_FILE)) model = Macro.getValue(options, "model_file", "");
		ZScale z = ZScale.parse(Macro.getValue(options, "scale_z", ""));
		Double sx = number(options, "scale_x");
		// a recorded line with link_scales ran with scale_y = scale_x, whatever scale_y's field showed
		Double sy = sx != null && MacroOptions.keys(options).contains("link_scales") ? sx : number(options, "scale_y");
		TargetSize size;
		try {
			size = RequestedSize.given(number(options, "scale"), sx, sy, whole(options, "width"), whole(options, "height"), z)
				.orElse(TargetSize.scale(2));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(e.getMessage() + " (the keys are " + String.join(", ", KEYS) + ")", e);
		}
		Double tile = number(options, "tile");
		String output = Macro.getValue(options, "output", "same");
		if (!output.equals("same") && !output.equals("32-bit")) {
			throw new IllegalArgumentException("output must be 'same' or '32-bit', got '" + output + "'");
		}
		return UpscaleRequest.builder(size).model(model).tile(tile == null ? 256 : tile.intValue()).device(DeviceChoice.parse(
			Macro.getValue(options, "device", "auto"))).float32(output.equals("32-bit")).consistency(Consistency.parse(Macro
				.getValue(options, "consistency", Consistency.DEFAULT_ID))).z(z).build();
	}

	private static int whole(String options, String key) {
		Double v = number(options, key);
		return v == null ? 0 : v.intValue();
	}

	/** The key's number, null when not given. */
	private static Double number(String options, String key) {
		String v = Macro.getValue(options, key, null);
		if (v == null) return null;
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
		}
	}

	/** A clear message; in a macro it ends the macro. */
	static void fail(String title, String message) {
		if (IJ.isMacro() || Interpreter.isBatchMode()) {
			IJ.log(title + " error: " + message);
			Interpreter.abort();
			if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) return;
		}
		IJ.error(title, message);
	}
}
