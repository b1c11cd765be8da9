// Upscale the current image at several scales and show them side by side (same canvas size, so
// the result of each scale can be compared at equal magnification). 2-D single-plane images.
if (nImages == 0) exit("Open an image first.");
original = getTitle();
scales = newArray(2, 3, 4);
w = getWidth(); h = getHeight();
maxScale = scales[scales.length - 1];
setBatchMode(true);
titles = newArray(scales.length);
for (i = 0; i < scales.length; i++) {
  selectImage(original);
  run("LIIF Upscale", "model=[default] scale=" + scales[i]);
  // bring every result to the largest size with nearest neighbour so pixels stay visible
  run("Size...", "width=" + round(w * maxScale) + " height=" + round(h * maxScale) + " interpolation=None");
  titles[i] = "x" + scales[i];
  rename(titles[i]);
}
run("Combine...", "stack1=" + titles[0] + " stack2=" + titles[1]);
rename("combined");
for (i = 2; i < scales.length; i++) run("Combine...", "stack1=combined stack2=" + titles[i]);
label = "LIIF";
for (i = 0; i < scales.length; i++) label = label + " x" + scales[i];
rename(label);
setBatchMode(false);
