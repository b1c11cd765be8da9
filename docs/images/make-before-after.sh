#!/usr/bin/env bash
# Makes docs/images/before-after.png with the program itself: a 192 x 192 crop of a validation image
# no bundled model was trained on (NEUBIAS EM mitochondria/ER, CC-BY-4.0), reduced 4x by averaging
# 4 x 4 blocks (as a camera bins), then enlarged 4x by bicubic interpolation (ImageJ's Image > Scale)
# and by LIIF (./liif upscale, the bundled microscopy model, default settings), beside the original.
# Needs a build (mvn -B package -DskipTests), ../shared/data and, without a display, xvfb-run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${1:-$here/../shared/data/microscopy/val/NEUBIAS_xy_8bit__em_mitochondria_er.tif}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# ImageJ 1 needs a display even in batch mode: a virtual one where there is none
ij=(java -jar "$here/target/imagej/ij.jar" -ijpath "$here/target/imagej" -batch)
[[ -z "${DISPLAY:-}" ]] && ij=(xvfb-run -a "${ij[@]}")
cat > "$work/reduce.ijm" <<IJM
open("$src");
makeRectangle(160, 160, 192, 192);
run("Crop");
saveAs("Tiff", "$work/original.tif");
run("Scale...", "x=0.25 y=0.25 interpolation=None average create");
saveAs("Tiff", "$work/input.tif");
IJM
"${ij[@]}" "$work/reduce.ijm"
"$here/liif" upscale --model microscopy --scale 4 "$work/input.tif" -o "$work/liif.tif"
cat > "$work/compose.ijm" <<IJM
function panel(path, interpolation, label) {
	open(path);
	if (getWidth() < 192) run("Scale...", "x=4 y=4 interpolation=" + interpolation + " create");
	rename(label);
	setColor(0, 0, 0);
	fillRect(0, 0, getWidth(), 26);
	setColor(255, 255, 255);
	setFont("SansSerif", 14, "bold antialiased");
	drawString(label, 6, 20);
	return getTitle();
}
a = panel("$work/input.tif", "None", "input (48 x 48)");
b = panel("$work/input.tif", "Bicubic", "bicubic x4");
c = panel("$work/liif.tif", "None", "LIIF x4");
d = panel("$work/original.tif", "None", "original");
run("Combine...", "stack1=[" + a + "] stack2=[" + b + "]");
rename("ab");
run("Combine...", "stack1=[ab] stack2=[" + c + "]");
rename("abc");
run("Combine...", "stack1=[abc] stack2=[" + d + "]");
saveAs("PNG", "$here/docs/images/before-after.png");
IJM
"${ij[@]}" "$work/compose.ijm"
echo "wrote docs/images/before-after.png"
