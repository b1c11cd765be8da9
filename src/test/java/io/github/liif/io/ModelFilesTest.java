package io.github.liif.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.liif.Fixtures;
import io.github.liif.TinyModels;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import io.github.liif.model.StateDict;
import io.github.liif.model.Weights;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ModelFilesTest {

	@TempDir
	Path dir;

	private static void assertSameWeights(StateDict a, StateDict b) {
		assertEquals(a.names(), b.names());
		for (String n : a.names()) {
			assertArrayEquals(a.get(n).shape(), b.get(n).shape(), n);
			assertArrayEquals(a.get(n).data(), b.get(n).data(), n);
		}
	}

	@Test
	void referencePthAndNpzHoldTheSameModel() throws Exception {
		for (String name : new String[]{ "tiny", "tiny-no-ensemble", "tiny-no-unfold", "tiny-no-cell" }) {
			LiifModel pth = Fixtures.model(name + ".pth");
			LiifModel npz = Fixtures.model(name + ".npz");
			assertSameWeights(pth.weights().stateDict(), npz.weights().stateDict());
			assertEquals(3, pth.channels());
			assertArrayEquals(new int[]{ 32, 32 }, pth.spec().hidden());
			assertEquals(!name.equals("tiny-no-ensemble"), pth.spec().localEnsemble(), name);
			assertEquals(!name.equals("tiny-no-unfold"), pth.spec().featureUnfold(), name);
			assertEquals(!name.equals("tiny-no-cell"), pth.spec().cellDecode(), name);
			// the mean-shift layers of the reference are in the file but not in the model
			assertFalse(pth.weights().stateDict().contains("encoder.sub_mean.weight"));
		}
	}

	@Test
	void safetensorsExportKeepsReferenceNamesAndArchitecture() throws Exception {
		LiifModel m = Fixtures.model("tiny-no-ensemble.pth");
		Path out = dir.resolve("m.safetensors");
		ModelFiles.exportSafetensors(m, out, false);
		LiifModel back = ModelFiles.load(out);
		assertSameWeights(m.weights().stateDict(), back.weights().stateDict());
		assertEquals(m.spec(), back.spec());
		assertTrue(back.weights().stateDict().contains("encoder.head.0.weight"));
		assertTrue(back.weights().stateDict().contains("imnet.layers.4.bias"));
	}

	@Test
	void ownFormatRoundTripsWeightsAndDescriptor() throws Exception {
		JsonObject provenance = new JsonObject();
		provenance.addProperty("data", "unit test");
		LiifModel m = new LiifModel(TinyModels.randomRdn(1, 4), new ModelDescriptor("tiny-rdn", 1, 3.5, provenance));
		Path out = dir.resolve("m.liif");
		ModelFiles.save(m, out, false);
		LiifModel back = ModelFiles.load(out);
		assertSameWeights(m.weights().stateDict(), back.weights().stateDict());
		assertEquals(m.spec(), back.spec());
		assertEquals("tiny-rdn", back.descriptor().name());
		assertEquals(3.5, back.descriptor().maxScale());
		assertEquals("unit test", back.descriptor().provenance().get("data").getAsString());
		assertThrows(FileAlreadyExistsException.class, () -> ModelFiles.save(m, out, false));
	}

	@Test
	void badFilesGetMessagesThatSayWhat() throws Exception {
		assertMessage(dir.resolve("missing.pth"), null, "not found");
		assertMessage(dir.resolve("empty.pth"), new byte[0], "empty");
		assertMessage(dir.resolve("text.pth"), "just some notes".getBytes(StandardCharsets.UTF_8), "not a model file");
		byte[] pth = Fixtures.bytes("tiny.pth");
		assertMessage(dir.resolve("truncated.pth"), Arrays.copyOf(pth, pth.length / 2), "truncated");
		byte[] liif = liifBytes();
		String future = new String(liif, StandardCharsets.ISO_8859_1).replace("\"format_version\": 1", "\"format_version\": 9");
		assertMessage(dir.resolve("future.liif"), rezip(future), "update");
	}

	private byte[] liifBytes() throws Exception {
		Path p = dir.resolve("ok.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, true, 1), ModelDescriptor.reference("x")), p, true);
		return Files.readAllBytes(p);
	}

	/** Rebuilds a .liif with a modified descriptor (the descriptor is stored compressed). */
	private byte[] rezip(String ignored) throws Exception {
		Path p = dir.resolve("ok.liif");
		var entries = ModelFiles.entries(p);
		String descriptor = new String(entries.get("liif-model.json"), StandardCharsets.UTF_8).replace("\"format_version\": 1",
			"\"format_version\": 9");
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("liif-model.json"));
			zip.write(descriptor.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("weights.safetensors"));
			zip.write(entries.get("weights.safetensors"));
		}
		return bytes.toByteArray();
	}

	private void assertMessage(Path file, byte[] content, String expected) throws Exception {
		if (content != null) Files.write(file, content);
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}

	@Test
	void aCheckpointOfAnotherArchitectureIsRefusedByName() throws Exception {
		StateDict sd = Fixtures.model("tiny.pth").weights().stateDict();
		var renamed = new LinkedHashMap<String, Weights>();
		sd.asMap().forEach((k, v) -> renamed.put(k.replace("encoder.head", "encoder.stem"), v));
		Path out = dir.resolve("other.safetensors");
		Files.write(out, Safetensors.write(new StateDict(renamed), Map.of()));
		ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(out));
		assertTrue(e.getMessage().contains("unknown encoder"), e.getMessage());
		renamed.clear();
		sd.asMap().forEach(renamed::put);
		renamed.put("encoder.extra.weight", sd.get("encoder.head.0.bias"));
		Files.write(out, Safetensors.write(new StateDict(renamed), Map.of()));
		e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(out));
		assertTrue(e.getMessage().contains("unknown layer names encoder.extra.weight"), e.getMessage());
	}

	@Test
	void fuzzedModelFilesOnlyEverGiveCleanErrors() throws Exception {
		Random random = new Random(42);
		byte[][] seeds = { Fixtures.bytes("tiny.pth"), Fixtures.bytes("tiny.npz"), liifBytes(), Safetensors.write(Fixtures.model(
			"tiny.pth").weights().stateDict(), Map.of()) };
		int loaded = 0;
		for (int i = 0; i < 1200; i++) {
			byte[] seed = seeds[i % seeds.length];
			byte[] mutant = mutate(seed, random);
			try {
				ModelFiles.load(mutant, "fuzz");
				loaded++;
			}
			catch (ModelFormatException expected) {
				assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
			}
		}
		assertTrue(loaded < 1200, "mutations must break some files");
	}

	public static byte[] mutate(byte[] seed, Random r) {
		byte[] b = seed.clone();
		switch (r.nextInt(4)) {
			case 0 -> {
				for (int k = 0; k < 1 + r.nextInt(20); k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
			}
			case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
			case 2 -> {
				int at = r.nextInt(b.length);
				int len = Math.min(b.length - at, 1 + r.nextInt(64));
				Arrays.fill(b, at, at + len, (byte) 0xff);
			}
			default -> {
				b = new byte[r.nextInt(512)];
				r.nextBytes(b);
			}
		}
		return b;
	}
}
