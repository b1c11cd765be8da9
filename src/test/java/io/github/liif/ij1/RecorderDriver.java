package io.github.liif.ij1;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.Button;
import java.awt.Choice;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Point;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A user at a real ImageJ 1 (run in its own JVM under a virtual display by {@link MacroRecorderIT}):
 * opens an image and the Recorder, chooses Plugins › LIIF Upscale, types a scale of 2.5 into the
 * dialog with the keyboard and presses Enter; then replays the line the Recorder wrote. Prints
 * what it saw as {@code KEY: value} lines.
 */
public final class RecorderDriver {

	private RecorderDriver() {}

	public static void main(String[] args) throws Exception {
		System.setProperty("plugins.dir", args[0]);
		new ImageJ();
		ImagePlus imp = IJ.createImage("cells", "8-bit ramp", 40, 30, 1);
		imp.show();
		IJ.run("Record...");
		waitFor(() -> Recorder.getInstance() != null && imp.getWindow() != null && imp.getWindow().isShowing());
		WindowManager.setCurrentWindow(imp.getWindow());
		// the user's last choice was x3: the dialog opens with it, and its preview must say so from the start
		Prefs.set("liif.scale_x", 3.0);
		Prefs.set("liif.scale_y", 3.0);
		// ticked, so the Recorder writes the box's key too (it records a box only when ticked)
		Prefs.set("liif.link", true);
		IJ.doCommand("LIIF Upscale");
		waitFor(() -> GenericDialog.getInstance() != null && GenericDialog.getInstance().isShowing());
		GenericDialog gd = GenericDialog.getInstance();
		Choice models = (Choice) gd.getChoices().get(0);
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < models.getItemCount(); i++) items.append(i == 0 ? "" : "|").append(models.getItem(i));
		System.out.println("MODELS: " + items);
		System.out.println("BUTTONS: " + Arrays.stream(gd.getButtons()).filter(Objects::nonNull).map(Button::getLabel).toList());
		Label preview = (Label) gd.getMessage();
		System.out.println("PREVIEW: " + preview.getText());
		TextField scaleX = (TextField) gd.getNumericFields().get(0);
		Robot robot = new Robot();
		robot.setAutoDelay(40);
		// as a user would: click into the field, select its text, type over it (again if a busy machine lost the keys)
		for (int attempt = 0; attempt < 5 && !scaleX.getText().equals("2.5"); attempt++) {
			// a virtual display has no window manager to give the dialog the keyboard: the dialog asks for it
			EventQueue.invokeAndWait(() -> {
				gd.toFront();
				scaleX.requestFocus();
			});
			click(robot, scaleX);
			robot.waitForIdle();
			long focusBy = System.currentTimeMillis() + 5000;
			while (!scaleX.isFocusOwner() && System.currentTimeMillis() < focusBy) Thread.sleep(50);
			robot.keyPress(KeyEvent.VK_END);
			robot.keyRelease(KeyEvent.VK_END);
			robot.keyPress(KeyEvent.VK_SHIFT);
			robot.keyPress(KeyEvent.VK_HOME);
			robot.keyRelease(KeyEvent.VK_HOME);
			robot.keyRelease(KeyEvent.VK_SHIFT);
			for (int key : new int[]{ KeyEvent.VK_2, KeyEvent.VK_PERIOD, KeyEvent.VK_5 }) {
				robot.keyPress(key);
				robot.keyRelease(key);
			}
			robot.waitForIdle();
			Thread.sleep(200);
		}
		System.out.println("TYPED: " + scaleX.getText());
		pressEnter(robot, gd, scaleX);
		waitFor(() -> WindowManager.getImageCount() == 2);
		ImagePlus first = WindowManager.getImage(WindowManager.getIDList()[1]);
		System.out.println("FIRST: " + first.getWidth() + "x" + first.getHeight());
		waitFor(() -> Recorder.getInstance().getText().contains("LIIF"));
		String line = Arrays.stream(Recorder.getInstance().getText().split("\n")).filter(l -> l.contains("LIIF Upscale"))
			.findFirst().orElse("");
		System.out.println("RECORDED: " + line);
		WindowManager.setTempCurrentImage(imp);
		IJ.runMacro(line);
		waitFor(() -> WindowManager.getImageCount() == 3);
		ImagePlus replay = WindowManager.getImage(WindowManager.getIDList()[2]);
		System.out.println("REPLAY: " + replay.getWidth() + "x" + replay.getHeight());
		System.out.println("SAME PIXELS: " + Arrays.equals((byte[]) first.getProcessor().getPixels(), (byte[]) replay
			.getProcessor().getPixels()));

		// LIIF Evaluate: the data folder typed into its field, Enter; the Recorder must hold every choice
		if (args.length > 1) {
			IJ.doCommand("LIIF Evaluate");
			waitFor(() -> GenericDialog.getInstance() != null && GenericDialog.getInstance().isShowing() && GenericDialog
				.getInstance().getTitle().equals("LIIF Evaluate"));
			GenericDialog eval = GenericDialog.getInstance();
			TextField data = (TextField) eval.getStringFields().get(1);
			TextField scales = (TextField) eval.getStringFields().get(2);
			EventQueue.invokeAndWait(() -> {
				data.setText(args[1]);
				scales.setText("2");
			});
			pressEnter(robot, eval, scales);
			waitFor(() -> Recorder.getInstance().getText().contains("LIIF Evaluate"));
			System.out.println("RECORDED EVALUATE: " + Arrays.stream(Recorder.getInstance().getText().split("\n")).filter(l -> l
				.contains("LIIF Evaluate")).findFirst().orElse(""));

			// LIIF Train: folders, output and two iterations typed in, Enter
			IJ.doCommand("LIIF Train");
			waitFor(() -> GenericDialog.getInstance() != null && GenericDialog.getInstance().isShowing() && GenericDialog
				.getInstance().getTitle().equals("LIIF Train"));
			GenericDialog train = GenericDialog.getInstance();
			List<?> strings = train.getStringFields();
			List<?> numbers = train.getNumericFields();
			EventQueue.invokeAndWait(() -> {
				((TextField) strings.get(0)).setText(args[2]);
				((TextField) strings.get(1)).setText("");
				((TextField) strings.get(2)).setText(args[1]);
				((TextField) strings.get(5)).setText(args[3]);
				((TextField) numbers.get(0)).setText("2");
				((TextField) numbers.get(1)).setText("2");
			});
			pressEnter(robot, train, (Component) numbers.get(1));
			waitFor(() -> Recorder.getInstance().getText().contains("LIIF Train"));
			System.out.println("RECORDED TRAIN: " + Arrays.stream(Recorder.getInstance().getText().split("\n")).filter(l -> l
				.contains("LIIF Train")).findFirst().orElse(""));
		}
		System.exit(0);
	}

	/** Enter in a field of the dialog (OK), again until the dialog closes: a busy machine may lose a key. */
	private static void pressEnter(Robot robot, GenericDialog dialog, Component field) throws Exception {
		for (int attempt = 0; attempt < 5 && dialog.isShowing(); attempt++) {
			EventQueue.invokeAndWait(() -> {
				dialog.toFront();
				field.requestFocus();
			});
			click(robot, field);
			robot.waitForIdle();
			robot.keyPress(KeyEvent.VK_ENTER);
			robot.keyRelease(KeyEvent.VK_ENTER);
			robot.waitForIdle();
			long closedBy = System.currentTimeMillis() + 3000;
			while (dialog.isShowing() && System.currentTimeMillis() < closedBy) Thread.sleep(50);
		}
	}

	private static void click(Robot robot, Component c) {
		Point p = c.getLocationOnScreen();
		robot.mouseMove(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long end = System.currentTimeMillis() + 120_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				System.out.println("TIMEOUT");
				System.exit(3);
			}
			Thread.sleep(100);
		}
	}
}
