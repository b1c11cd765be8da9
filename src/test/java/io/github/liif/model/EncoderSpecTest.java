package io.github.liif.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.liif.app.TrainingRequest;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The sealed encoder specs: what a new model may have, resizing, channel changes and the per-kind cases. */
class EncoderSpecTest {

	private static final EncoderSpec.Cases<String> KIND = new EncoderSpec.Cases<>() {

		@Override
		public String edsr(EdsrSpec spec) {
			return "EDSR " + spec.residualBlocks();
		}

		@Override
		public String rdn(RdnSpec spec) {
			return "RDN " + spec.blocks();
		}
	};

	@Test
	void newModelsChooseByNameAndTakeTheirDefaultsWhereNothingIsGiven() {
		assertEquals(List.of("edsr-baseline", "rdn"), EncoderSpec.namesForNewModels());
		assertEquals(EdsrSpec.baseline(3), EncoderSpec.forNewModel("edsr-baseline", 3, OptionalInt.empty(), OptionalInt.empty()));
		assertEquals(new EdsrSpec(1, 4, 32, 1.0), EncoderSpec.forNewModel("edsr-baseline", 1, OptionalInt.of(4), OptionalInt.of(
			32)));
		assertEquals(new RdnSpec(1, 24, 3, 8, 64), EncoderSpec.forNewModel("rdn", 1, OptionalInt.of(3), OptionalInt.of(24)));
		assertEquals("unknown encoder 'swin': use edsr-baseline or rdn", assertThrows(IllegalArgumentException.class,
			() -> EncoderSpec.forNewModel("swin", 1, OptionalInt.empty(), OptionalInt.empty())).getMessage());
		assertEquals(true, EncoderSpec.namesForNewModels().contains(TrainingRequest.ENCODER));
	}

	@Test
	void anotherChannelCountKeepsTheArchitectureAndChangesOnlyTheFirstConvolution() {
		for (EncoderSpec spec : List.of(new EdsrSpec(3, 2, 8, 0.1), new RdnSpec(3, 8, 2, 3, 4))) {
			EncoderSpec gray = spec.withInChannels(1);
			assertEquals(1, gray.inChannels());
			assertEquals(spec.outChannels(), gray.outChannels());
			assertEquals(spec.receptiveRadius(), gray.receptiveRadius());
			List<ConvLayer> before = spec.convolutions();
			List<ConvLayer> after = gray.convolutions();
			assertEquals(new ConvLayer(before.get(0).name(), 1, before.get(0).out(), before.get(0).kernel()), after.get(0));
			assertEquals(before.subList(1, before.size()), after.subList(1, after.size()));
		}
	}

	@Test
	void eachKindReachesItsOwnCase() {
		assertEquals("EDSR 16", EdsrSpec.baseline(1).match(KIND));
		assertEquals("RDN 16", RdnSpec.configB(3).match(KIND));
	}
}
