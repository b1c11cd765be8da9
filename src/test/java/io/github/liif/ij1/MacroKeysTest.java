package io.github.liif.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.liif.app.UpscaleRequest;
import io.github.liif.inference.TargetSize;
import io.github.liif.inference.ZScale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The macro keys of LIIF Upscale: one rule for the size, unknown and contradictory keys refused. */
class MacroKeysTest {

	@ParameterizedTest
	@ValueSource(strings = { "scael=3", "model=default sacle_x=2", "scale=2 scale_x=3", "scale=2 scale_y=3",
		"scale=3 width=40 height=40", "width=40", "model=/path with space/m.liif scale=2" })
	void typosAndContradictionsAreRefusedWithTheValidKeys(String options) {
		String m = assertThrows(IllegalArgumentException.class, () -> LiifUpscalePlugin.fromMacro(options)).getMessage();
		assertTrue(m.contains("model, model_file, scale, scale_x, scale_y, link_scales, width, height, scale_z, tile, device, "
			+ "output, consistency"), m);
	}

	@Test
	void anAxisNotGivenTakesTheOthersFactor() {
		assertEquals(TargetSize.scales(3, 3), LiifUpscalePlugin.fromMacro("scale_x=3").size());
		assertEquals(TargetSize.scales(3, 3), LiifUpscalePlugin.fromMacro("scale_y=3").size());
		assertEquals(TargetSize.scales(2, 3), LiifUpscalePlugin.fromMacro("scale_x=2 scale_y=3").size());
		assertEquals(TargetSize.scale(2), LiifUpscalePlugin.fromMacro(" ").size(), "nothing given: x2");
		assertEquals(TargetSize.scale(1), LiifUpscalePlugin.fromMacro("scale_z=2").size(), "Z alone keeps the planes");
	}

	@Test
	void everyLineTheRecorderWroteReplays() {
		// before scale_z and model_file, then today's dialog; the dialog used scale_x for both axes while linked
		String old = "model=default scale_x=2.5 scale_y=2.5 link_scales width=0 height=0 tile=256 device=auto output=same "
			+ "consistency=auto";
		assertEquals(TargetSize.scale(2.5), LiifUpscalePlugin.fromMacro(old).size());
		UpscaleRequest now = LiifUpscalePlugin.fromMacro("model=[From file...] model_file=[/models/my cells.liif] "
			+ "scale_x=3 scale_y=2 link_scales width=0 height=0 scale_z=1 tile=128 device=cpu output=32-bit consistency=off");
		assertEquals(TargetSize.scale(3), now.size());
		assertEquals("/models/my cells.liif", now.model());
		assertEquals(128, now.options().tile());
		assertTrue(now.float32());
		assertEquals(TargetSize.scales(2, 3), LiifUpscalePlugin.fromMacro("model=default model_file=[] scale_x=2 scale_y=3 "
			+ "width=0 height=0 scale_z=1 tile=256 device=auto output=same consistency=auto").size());
		assertEquals(TargetSize.size(40, 30), LiifUpscalePlugin.fromMacro("model=default scale_x=2 scale_y=2 link_scales "
			+ "width=40 height=30 scale_z=1").size(), "a size typed in the dialog replaces its scales");
		// the README's lines
		assertEquals(TargetSize.size(1024, 768), LiifUpscalePlugin.fromMacro(
			"model=[/models/my-cells.liif] width=1024 height=768 output=32-bit").size());
		UpscaleRequest isotropic = LiifUpscalePlugin.fromMacro("model=[microscopy] scale=2 scale_z=isotropic");
		assertEquals(TargetSize.scale(2), isotropic.size());
		assertEquals(ZScale.parse("isotropic"), isotropic.z());
	}

	@Test
	void everyFieldTheHelpExplainsIsAKey() {
		Set<String> explained = new TreeSet<>();
		Matcher bold = Pattern.compile("<b>(\\w+)</b>").matcher(Help.UPSCALE);
		while (bold.find()) explained.add(bold.group(1));
		Set<String> keys = new TreeSet<>(LiifUpscalePlugin.KEYS);
		keys.remove("scale");
		assertEquals(explained, keys, "the dialog's fields (Help names each one) against the macro keys");
	}
}
