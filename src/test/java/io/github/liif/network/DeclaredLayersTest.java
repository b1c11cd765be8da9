package io.github.liif.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.liif.model.EdsrSpec;
import io.github.liif.model.EncoderSpec;
import io.github.liif.model.Padding;
import io.github.liif.model.RdnSpec;
import io.github.liif.runtime.DeviceChoice;
import io.github.liif.runtime.Engines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layers a spec declares are exactly the ones its encoder's forward pass reads, with the shapes it declares. */
class DeclaredLayersTest {

	@Test
	void edsrAndRdnForwardPassesReadEveryDeclaredParameterAndNothingElse() {
		for (EncoderSpec spec : List.of(new EdsrSpec(3, 3, 8, 1.0), new EdsrSpec(1, 2, 6, 0.1), new RdnSpec(1, 8, 2, 3, 4))) {
			Engines.prepareInferenceThread();
			try (NDManager m = NDManager.newBaseManager(Engines.device(DeviceChoice.CPU))) {
				Set<String> read = new LinkedHashSet<>();
				Map<String, NDArray> params = new HashMap<>() {

					@Override
					public NDArray get(Object key) {
						read.add((String) key);
						return super.get(key);
					}
				};
				spec.parameterShapes().forEach((name, shape) -> params.put(name, m.randomNormal(new Shape(shape)).mul(0.1)));
				Encoder encoder = spec instanceof RdnSpec r ? new RdnEncoder(r, params, Padding.ZEROS) : new EdsrEncoder(
					(EdsrSpec) spec, params, Padding.ZEROS);
				NDArray out = encoder.forward(m.randomUniform(0, 1, new Shape(1, spec.inChannels(), 7, 5)));
				assertArrayEquals(new long[]{ 1, spec.outChannels(), 7, 5 }, out.getShape().getShape(), spec.toString());
				assertEquals(new ArrayList<>(spec.parameterShapes().keySet()), new ArrayList<>(read), spec
					+ ": read in declaration order");
			}
		}
	}

	@Test
	void namesAndShapesAreTheReferences() {
		Map<String, long[]> edsr = EdsrSpec.baseline(3).parameterShapes();
		assertEquals(2 * (1 + 2 * 16 + 1), edsr.size());
		assertArrayEquals(new long[]{ 64, 3, 3, 3 }, edsr.get("encoder.head.0.weight"));
		assertArrayEquals(new long[]{ 64, 64, 3, 3 }, edsr.get("encoder.body.15.body.2.weight"));
		assertArrayEquals(new long[]{ 64 }, edsr.get("encoder.body.16.bias"));
		Map<String, long[]> rdn = RdnSpec.configB(3).parameterShapes();
		assertArrayEquals(new long[]{ 64, 3, 3, 3 }, rdn.get("encoder.SFENet1.weight"));
		assertArrayEquals(new long[]{ 64, 64 + 7 * 64, 3, 3 }, rdn.get("encoder.RDBs.15.convs.7.conv.0.weight"));
		assertArrayEquals(new long[]{ 64, 64 + 8 * 64, 1, 1 }, rdn.get("encoder.RDBs.0.LFF.weight"));
		assertArrayEquals(new long[]{ 64, 16 * 64, 1, 1 }, rdn.get("encoder.GFF.0.weight"));
		assertArrayEquals(new long[]{ 64, 64, 3, 3 }, rdn.get("encoder.GFF.1.weight"));
	}
}
