package io.github.liif.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.liif.TinyModels;
import io.github.liif.inference.Consistency;
import io.github.liif.inference.UpscaleOptions;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.runtime.DeviceChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loaded networks are kept per model file (its contents) and device; "auto" consistency resolved from the model. */
class ModelCacheTest {

	@TempDir
	Path dir;

	@Test
	void aModelLoadsOnceUntilItsFileChanges() throws Exception {
		Path file = dir.resolve("m.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, false, 4), ModelDescriptor.reference("m")), file, false);
		ModelCache.Loaded first = ModelCache.load(file.toString(), false, DeviceChoice.CPU);
		int size = ModelCache.size();
		assertSame(first, ModelCache.load(file.toString(), true, DeviceChoice.CPU));
		assertEquals(size, ModelCache.size());
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, true, 5), ModelDescriptor.reference("m2")), file, true);
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
		ModelCache.Loaded second = ModelCache.load(file.toString(), false, DeviceChoice.CPU);
		assertNotSame(first, second);
		assertEquals("m2", second.model().descriptor().name());
		assertEquals(size + 1, ModelCache.size());
	}

	@Test
	void anUpscalerGetsTheModelsOwnDegradationForAuto() throws Exception {
		Path file = dir.resolve("plain.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, false, 6), ModelDescriptor.reference("plain")), file, false);
		UpscaleOptions auto = UpscaleOptions.DEFAULT.withConsistency(Consistency.DEFAULT);
		assertEquals("bicubic", ModelCache.upscaler(file.toString(), false, DeviceChoice.CPU, auto).options().consistency().id());
		assertEquals("area:2", ModelCache.upscaler(file.toString(), false, DeviceChoice.CPU, auto.withConsistency(Consistency
			.parse("area:2"))).options().consistency().id());
	}
}
