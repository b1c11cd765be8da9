package io.github.liif.bundle;

import ai.djl.util.Platform;

/**
 * Prints the classifier of the libtorch that DJL picks from the class path for this JVM's os.name and os.arch, by
 * reading the native jars' pytorch.properties only (nothing is loaded); run in a JVM of its own by
 * {@link FijiBundleTest} with those properties set as on each of Fiji's platforms.
 */
public final class NativeChoice {

	private NativeChoice() {}

	public static void main(String[] args) {
		System.out.println(Platform.detectPlatform("pytorch").getClassifier());
	}
}
