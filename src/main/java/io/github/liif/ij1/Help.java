package io.github.liif.ij1;

/** The text behind each dialog's Help button (HTML, so it works offline). */
final class Help {

	private static final String MORE = "<p>More: the README of LIIF Upscale (Fiji, macros, command line, training).</p></html>";

	static final String UPSCALE = "<html><h2>LIIF Upscale</h2>"
		+ "<p>Upscales the current image (or the bounding box of its selection) into a new one by any factor, with a LIIF model."
		+ " The input is never modified; Esc cancels.</p><ul>"
		+ "<li><b>model</b>: <i>default</i> (natural for RGB, microscopy otherwise), a bundled model, a recently used file, or"
		+ " <i>From file...</i> with <b>model_file</b> (.liif, a reference .pth, .safetensors, .npz).</li>"
		+ "<li><b>scale_x</b>, <b>scale_y</b>: any real factors &ge; 1, kept equal while <b>link_scales</b> is ticked; or"
		+ " <b>width</b> and <b>height</b> in pixels (0: use the scales).</li>"
		+ "<li><b>scale_z</b>: 1 keeps the slices; a factor (e.g. 4) or <i>isotropic</i> (voxel depth = the result's pixel"
		+ " width, from Image &gt; Properties) adds slices to a Z-stack: the model runs on the XZ and YZ planes, the two are"
		+ " averaged, then XY is scaled. Voxel depth, channels and frames follow.</li>"
		+ "<li><b>tile</b>: LR tile edge; memory grows with its square, results do not change.</li>"
		+ "<li><b>device</b>: <i>auto</i> runs on a GPU when DJL was given a CUDA libtorch, else on the CPU; <i>cpu</i>;"
		+ " <i>gpu</i> (an error without a CUDA libtorch). The bundled libtorch is for the CPU.</li>"
		+ "<li><b>output</b>: the input's type (rounded, clamped) or 32-bit.</li>"
		+ "<li><b>consistency</b>: <i>auto</i> makes the result agree with the input when reduced again (the model's training"
		+ " degradation), so colours and intensities stay the input's; <i>off</i> is the model alone.</li></ul>"
		+ "<p>Macro: <code>run(\"LIIF Upscale\", \"model=default scale_x=2.5 scale_y=2.5 consistency=auto\");</code> (the"
		+ " Recorder writes it for you).</p>" + MORE;

	static final String TRAIN = "<html><h2>LIIF Train</h2>"
		+ "<p>Trains a new model, or fine-tunes one (<b>from</b>), on a folder of images and/or open images (titles separated by"
		+ " ;). Without validation images about one in ten is held out. A checkpoint is written regularly and when you press"
		+ " Esc; tick <b>resume</b> to continue.</p><ul>"
		+ "<li><b>scale_min / scale_max</b>: the factors it learns; <b>degradation</b>: how low-resolution inputs are made"
		+ " (bicubic as the reference, area for camera binning, blur-noise for a PSF plus noise).</li>"
		+ "<li><b>axial</b>: train a model for Z (LIIF Upscale's scale_z) from the XY planes of your stack: each patch is blurred"
		+ " along one axis by a Gaussian of <b>axial_sigma</b> HR pixels (the axial PSF beyond the lateral one) and reduced"
		+ " along that axis only.</li>"
		+ "<li><b>global_residual</b>: <i>bicubic</i> lets the decoder learn the difference from a bicubic upsampling (colours"
		+ " and intensities come from the input); <i>none</i> is the reference LIIF.</li></ul>" + MORE;

	static final String EVALUATE = "<html><h2>LIIF Evaluate</h2>"
		+ "<p>Reduces each high-resolution image by each scale, upscales it back with the model and with bicubic, and scores"
		+ " both: PSNR (luma for RGB, border of ceil(scale) shaved), SSIM, and the bias (mean error per channel, in the image's"
		+ " own levels). Images where the model loses to bicubic are listed in the Log.</p>"
		+ "<p><b>along_z</b>: the data are Z-stacks; each is reduced along Z and restored with the model (on its XZ and YZ"
		+ " planes, as scale_z does), with linear interpolation along Z (Image &gt; Scale) and with cubic, and all three are"
		+ " scored (ceil(scale) slices shaved at each end).</p>" + MORE;

	private Help() {}
}
