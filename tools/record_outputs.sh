#!/usr/bin/env bash
# Records the outputs of a fixed set of upscale jobs through every entry point a script can drive
# (./liif upscale: in memory, streamed TIFF, along Z, every image kind; ./liif spark: files and
# OME-Zarr) into OUT, with OUT/SHA256SUMS; two recordings (before and after a change) compare with
#   diff OLD/SHA256SUMS NEW/SHA256SUMS
# The SciJava and ImageJ 1 entry points are compared by the tests. Build first (mvn package).
# Inputs are made from test-images/ into $LIIF_RECORD_INPUTS (a fixed path: the OME-Zarr names its input).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
in="${LIIF_RECORD_INPUTS:-/tmp/liif-record-inputs}"
rm -rf "$in" && mkdir -p "$in"
java -Djava.awt.headless=true -cp "$here/target/lib/*" "$here/tools/record/MakeInputs.java" "$here/test-images" "$in"
liif="$here/liif"
# one job: NAME then the arguments; the exit code is recorded with the outputs
job() {
  local name="$1"
  shift
  local rc=0
  "$@" > "$out/$name.log" 2>&1 || rc=$?
  echo "$rc" > "$out/$name.rc"
  echo "$name: exit $rc" >&2
}
up() {
  local name="$1"
  shift
  job "$name" "$liif" upscale --overwrite "$@"
}
up rgb-png-memory --scale 2 "$in/rgb.png" -o "$out/rgb-x2.png"
up rgb-png-gray-model --model microscopy --scale 2 "$in/rgb.png" -o "$out/rgb-microscopy-x2.png"
up rgb-tif-streamed --scale 2.5 "$in/rgb.tif" -o "$out/rgb-x2.5.tif"
up rgb-tif-float --scale 2 --float "$in/rgb.tif" -o "$out/rgb-float.tif"
up rgb-jpg --scale 1.7 "$in/rgb.jpg" -o "$out/rgb.jpg"
up rgba-png --scale 2 "$in/rgba.png" -o "$out/rgba.png"
up gray8-streamed --scale 2.5 "$in/gray8.tif" -o "$out/gray8-x2.5.tif"
up gray8-off --scale 2 --consistency off "$in/gray8.tif" -o "$out/gray8-off.tif"
up gray8-png --scale 3 "$in/gray8.tif" -o "$out/gray8-x3.png"
up gray8-natural --model natural --scale 2 "$in/gray8.tif" -o "$out/gray8-natural.tif"
up gray16-streamed --scale-x 2 --scale-y 3 "$in/gray16.tif" -o "$out/gray16-2x3.tif"
up gray16-float --scale 2 --float "$in/gray16.tif" -o "$out/gray16-float.tif"
up gray16-png --scale 2 "$in/gray16.tif" -o "$out/gray16.png"
up gray32-size --size 100x90 "$in/gray32.tif" -o "$out/gray32-100x90.tif"
up gray32-area --scale 2 --consistency area:2 "$in/gray32.tif" -o "$out/gray32-area.tif"
up hyper16-memory --scale 2 "$in/hyper16.tif" -o "$out/hyper16-x2.tif"
up hyper16-float --scale 1.5 --float "$in/hyper16.tif" -o "$out/hyper16-float.tif"
up zstack-z2 --scale-z 2 "$in/zstack8.tif" -o "$out/zstack-z2.tif"
up zstack-iso-xz --scale 1.5 --scale-z isotropic --z-planes xz "$in/zstack8.tif" -o "$out/zstack-iso.tif"
up hyper16-z --scale-z 2 "$in/hyper16.tif" -o "$out/hyper16-z2.tif"
up folder --scale 2 "$in/batch" -o "$out/folder"
up refused-float-png --scale 2 --float "$in/gray8.tif" -o "$out/refused.png"
up refused-z-single --scale-z 2 "$in/gray8.tif" -o "$out/refused-z.tif"
sp() {
  local name="$1"
  shift
  job "$name" "$liif" spark --master 'local[1]' --overwrite "$@"
}
sp spark-files --scale 2 "$in/batch" -o "$out/spark-files"
sp spark-files-png --scale 2 --format png "$in/batch" -o "$out/spark-files-png"
sp spark-zarr-gray16 --zarr --scale 2.5 --chunk 32 "$in/gray16.tif" -o "$out/spark-gray16.zarr"
sp spark-zarr-rgb --zarr --scale 2 --chunk 48 --block-chunks 1 "$in/rgb.png" -o "$out/spark-rgb.zarr"
# the checksums of every output (not the logs: they hold timings)
(cd "$out" && find . -type f ! -name '*.log' ! -name SHA256SUMS | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
wc -l < "$out/SHA256SUMS" >&2
