// Upscale the current image with LIIF (asks for the factor; RGB -> natural model, otherwise microscopy).
// In a macro of your own: run("LIIF Upscale", "model=[default] scale_x=2.5 scale_y=3");
if (nImages == 0) exit("Open an image first.");
scale = getNumber("LIIF scale factor (any value >= 1):", 2);
run("LIIF Upscale", "model=[default] scale_x=" + scale + " scale_y=" + scale);
