package io.github.liif.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Loads DJL's PyTorch engine from any class loader and picks the device. In ImageJ and Fiji a
 * plugin runs with the application class loader as the thread's context loader, where DJL's
 * service lookup cannot see the engine; so the lookup runs with this plugin's loader.
 */
public final class Engines {

	public static final String ENGINE = "PyTorch";

	private static volatile Engine engine;

	private Engines() {}

	/** The PyTorch engine, loaded on first use. */
	public static Engine pytorch() {
		Engine e = engine;
		if (e != null) return e;
		synchronized (Engines.class) {
			if (engine == null) engine = load();
			return engine;
		}
	}

	private static Engine load() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Engines.class.getClassLoader());
		try {
			NativeHeap.keepFreedBlocks();
			return Engine.getEngine(ENGINE);
		}
		catch (RuntimeException | UnsatisfiedLinkError e) {
			throw new EngineUnavailableException("the PyTorch engine could not be loaded (" + e.getMessage()
				+ "). Check that pytorch-engine, pytorch-jni and pytorch-native-cpu jars are installed.", e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * Autograd is on by default on every thread but the one that loaded the engine: switch it
	 * off before inference, or every op records a gradient tape and holds its inputs.
	 */
	public static void prepareInferenceThread() {
		pytorch();
		JniUtils.setGradMode(false);
	}

	/** Sets the number of threads libtorch uses within one operation (process-wide). */
	public static void setThreads(int threads) {
		pytorch();
		JniUtils.setNumThreads(threads);
	}

	/**
	 * The device for a user's choice. GPU needs DJL's CUDA build of libtorch, which is not
	 * bundled: without it a GPU request fails with instructions; AUTO falls back to CPU.
	 */
	public static Device device(DeviceChoice choice) {
		Engine e = pytorch();
		int gpus = e.getGpuCount();
		return switch (choice) {
			case CPU -> Device.cpu();
			case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
			case GPU -> {
				if (gpus == 0) {
					throw new EngineUnavailableException("GPU requested, but the PyTorch engine loaded here is the CPU "
						+ "build (libtorch " + e.getVersion()
						+ ", no CUDA device visible). To use an NVIDIA GPU, point DJL at an "
						+ "installed CUDA libtorch 2.7.1 before starting (./liif, Fiji, or Spark executors through "
						+ "spark.executorEnv.*): PYTORCH_LIBRARY_PATH=the lib folder of a PyTorch 2.7.1 CUDA 12.8 install (e.g. "
						+ ".../site-packages/torch/lib), PYTORCH_VERSION=2.7.1, PYTORCH_FLAVOR=cu128 (the pytorch-jni jar "
						+ "carries the CUDA 12.8 JNI library); or choose device 'auto' or 'cpu'.", null);
				}
				yield Device.gpu();
			}
		};
	}
}
