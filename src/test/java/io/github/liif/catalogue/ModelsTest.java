package io.github.liif.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.TinyModels;
import io.github.liif.image.Degradation;
import io.github.liif.inference.Consistency;
import io.github.liif.io.ModelFiles;
import io.github.liif.model.LiifModel;
import io.github.liif.model.ModelDescriptor;
import io.github.liif.model.ModelFormatException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model names: "default" by image kind, the bundled models, files, and what a model's recipe implies. */
class ModelsTest {

	@TempDir
	Path dir;

	@Test
	void defaultMeansNaturalForRgbAndMicroscopyOtherwise() {
		assertEquals(Models.NATURAL, Models.resolve("default", true));
		assertEquals(Models.MICROSCOPY, Models.resolve("DEFAULT", false));
		assertEquals("/models/mine.liif", Models.resolve("/models/mine.liif", true));
		assertFalse(Models.isFile("default"));
		assertFalse(Models.isFile(Models.NATURAL));
		assertTrue(Models.isFile("mine.liif"));
		assertThrows(IllegalArgumentException.class, () -> Models.requireChoice(" "));
	}

	@Test
	void theBundledModelsLoadAndKnowTheirTrainingDegradation() throws ModelFormatException {
		LiifModel gray = Models.load("default", false);
		assertEquals(1, gray.channels());
		assertEquals(3, Models.load("default", true).channels());
		// "auto" becomes the degradation the model's recipe names
		assertEquals(Models.trainingDegradation(gray).id(), Models.consistencyFor(Consistency.DEFAULT, gray).id());
		assertEquals("off", Models.consistencyFor(Consistency.OFF, gray).id());
	}

	@Test
	void aModelWithoutARecipeIsTakenAsTrainedLikeTheReference() throws Exception {
		Path file = dir.resolve("plain.liif");
		ModelFiles.save(new LiifModel(TinyModels.randomEdsr(1, false, 2), ModelDescriptor.reference("plain")), file, false);
		LiifModel plain = Models.load(file.toString(), true);
		assertEquals(Degradation.BICUBIC, Models.trainingDegradation(plain));
		assertEquals("bicubic", Models.consistencyFor(Consistency.DEFAULT, plain).id());
		assertThrows(ModelFormatException.class, () -> Models.load(dir.resolve("missing.liif").toString(), true));
	}
}
