package io.github.liif.imagej;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import io.github.liif.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** PNG line charts with ImageJ's Plot (works headless). */
public final class Charts {

	private Charts() {}

	/** One or more named series over a shared x axis, saved as PNG. */
	public static void save(Path png, String title, String xLabel, String yLabel, double[] x, String[] names, double[][] series)
		throws IOException
	{
		Plot plot = new Plot(title, xLabel, yLabel);
		String[] colours = { "blue", "red", "#008000", "magenta", "orange" };
		for (int i = 0; i < series.length; i++) {
			plot.setColor(colours[i % colours.length]);
			plot.addPoints(x, series[i], Plot.CONNECTED_CIRCLES);
			plot.setLabel(-1, names[i]);
		}
		plot.setColor("black");
		plot.addLegend(String.join("\n", names));
		plot.setLimitsToFit(false);
		ImagePlus imp = plot.getImagePlus();
		AtomicFiles.write(png, true, out -> {
			Path temp = Files.createTempFile(png.toAbsolutePath().getParent(), ".chart-", ".png");
			try {
				if (!new FileSaver(imp).saveAsPng(temp.toString())) throw new IOException("could not write " + png);
				Files.copy(temp, out);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		});
	}

	/**
	 * Charts a training run's validation log (PSNR of model and bicubic per scale vs iteration).
	 * Silently does nothing while the log holds no finite values yet.
	 */
	public static void validationChart(Path csv, Path png) throws IOException {
		List<String> lines = Files.readAllLines(csv);
		if (lines.size() < 2) return;
		String[] header = lines.get(0).split(",");
		int columns = header.length - 2;
		double[] x = new double[lines.size() - 1];
		double[][] series = new double[columns][x.length];
		for (int i = 1; i < lines.size(); i++) {
			String[] f = lines.get(i).split(",");
			x[i - 1] = Double.parseDouble(f[0]);
			for (int c = 0; c < columns; c++) series[c][i - 1] = Double.parseDouble(f[c + 2]);
		}
		if (Arrays.stream(series).flatMapToDouble(Arrays::stream).noneMatch(Double::isFinite)) return;
		save(png, "LIIF validation", "iteration", "PSNR (dB)", x, Arrays.copyOfRange(header, 2, header.length), series);
	}
}
