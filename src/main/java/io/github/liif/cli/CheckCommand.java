package io.github.liif.cli;

import io.github.liif.network.LayerWidthCheck;
import io.github.liif.network.LayerWidthCheck.Sweep;
import io.github.liif.runtime.Engines;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code liif check}: whether this machine's libtorch computes the networks' layers right at
 * every width (network.LayerWidthCheck), for a new processor or libtorch.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, description = "Check that this machine computes every layer width right (float32 here against float64, which never uses oneDNN).")
final class CheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	DeviceOptions deviceOptions = new DeviceOptions();

	@Option(names = "--bare", description = "Check oneDNN's own kernels, without the channel padding and the MKL fallback the networks use "
		+ "(shows which widths those guard against here; exit code 0 whatever is found).")
	boolean bare;

	@Override
	public Integer call() {
		deviceOptions.applyThreads();
		PrintWriter out = spec.commandLine().getOut();
		String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
		out.printf(Locale.ROOT, "%s layers, libtorch %s, oneDNN instruction set: %s%n", bare ? "bare oneDNN" : "the networks'",
			Engines.pytorch().getVersion(), isa == null ? "the processor's own" : "at most " + isa);
		List<Sweep> sweeps;
		try (StopSignal stop = new StopSignal()) {
			ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "checking layer widths", stop);
			sweeps = new LayerWidthCheck(Engines.pytorch(), !bare).run((layer, done) -> progress.progress(done, LayerWidthCheck
				.total()), progress::isCancelled);
		}
		int wrong = 0;
		for (Sweep s : sweeps) {
			out.printf(Locale.ROOT, "  %s: %d widths, %s%n", s.layer(), s.checked(), s.wrong().isEmpty() ? "all right" : s.wrong()
				.size() + " WRONG (relative error): " + String.join(", ", s.wrong()));
			wrong += s.wrong().size();
		}
		if (sweeps.stream().mapToInt(Sweep::checked).sum() < LayerWidthCheck.total()) {
			out.println("stopped before the end");
			return LiifCli.FAILED;
		}
		if (wrong == 0) {
			out.println("every width right");
			return 0;
		}
		out.println(bare ? wrong
			+ " widths wrong in the bare kernels (the networks guard against those found in session 15: see README, Architecture)"
			: wrong
				+ " widths wrong as the networks run them: results of models with such widths cannot be trusted on this machine; "
				+ "try ONEDNN_MAX_CPU_ISA=AVX2 and run this again, and report the output");
		return bare ? 0 : LiifCli.FAILED;
	}
}
