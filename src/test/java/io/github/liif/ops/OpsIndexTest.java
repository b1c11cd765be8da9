package io.github.liif.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

/**
 * The SciJava Ops engine's dependencies are not on Maven Central, so the op is checked the way
 * the engine would find it: the generated ops.yaml entry, then the method it names, called.
 */
class OpsIndexTest {

	private static String opsYaml() throws Exception {
		try (InputStream in = LiifOps.class.getResourceAsStream("/ops.yaml")) {
			assertTrue(in != null, "ops.yaml must be generated into the jar by scijava-ops-indexer");
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theIndexerDeclaresTheUpscaleOp() throws Exception {
		String yaml = opsYaml();
		assertTrue(yaml.contains("names: [filter.liifUpscale]"), yaml);
		assertTrue(yaml.contains("tags: {type: java.util.function.BiFunction}"), yaml);
		assertTrue(yaml.contains("name: image") && yaml.contains("name: scale") && yaml.contains("parameter type: OUTPUT"), yaml);
	}

	@Test
	void theMethodTheEntryNamesUpscales() throws Exception {
		String yaml = opsYaml();
		String source = yaml.lines().filter(l -> l.trim().startsWith("source: javaMethod:")).findFirst().orElseThrow().trim();
		String decoded = URLDecoder.decode(source.substring("source: javaMethod:/".length()), StandardCharsets.UTF_8);
		String owner = decoded.substring(0, decoded.lastIndexOf('.', decoded.indexOf('(')));
		String name = decoded.substring(owner.length() + 1, decoded.indexOf('('));
		Method m = Class.forName(owner).getMethod(name, RandomAccessibleInterval.class, Double.class);
		Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(20, 16);
		int v = 0;
		for (UnsignedShortType t : img) t.set(500 + (v++ * 53) % 2000);
		@SuppressWarnings("unchecked")
		Img<FloatType> out = (Img<FloatType>) m.invoke(null, img, 2.5);
		assertArrayEquals(new long[]{ 50, 40 }, out.dimensionsAsLongArray());
		double sum = 0;
		for (FloatType t : out) sum += t.get();
		assertEquals(1500, sum / (50 * 40), 500, "values stay in the input's range");
	}
}
