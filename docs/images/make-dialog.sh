#!/usr/bin/env bash
# Makes docs/images/dialog.png: the LIIF Upscale dialog as Fiji users see it, on a virtual display
# (ImageJ 1 from target/imagej after a build; needs Xvfb, xdotool and ImageMagick's import).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$ij" "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/open.ijm" <<IJM
open("$here/test-images/nuclei-16bit.tif");
run("LIIF Upscale");
IJM
DISPLAY="$display" java -jar "$here/target/imagej/ij.jar" -ijpath "$here/target/imagej" -macro "$work/open.ijm" >/dev/null 2>&1 &
ij=$!
for _ in $(seq 60); do
  window="$(DISPLAY="$display" xdotool search --name '^LIIF Upscale$' 2>/dev/null | head -1 || true)"
  [[ -n "$window" ]] && break
  sleep 1
done
[[ -n "$window" ]] || { echo "the dialog did not open" >&2; exit 1; }
sleep 2
DISPLAY="$display" import -window "$window" "$here/docs/images/dialog.png"
echo "wrote docs/images/dialog.png"
