#!/usr/bin/env bash
# Whole-process speed of `./liif upscale` (JVM start, engine and model load, read, upscale,
# write) on the 256 x 256 RGB test image at x2, x4 and x8, for the bundled natural model and a
# model of the paper's EDSR-baseline-LIIF size (made with one training iteration: the weights
# do not change the speed). Prints output megapixels per second and peak RSS per run.
#   tools/bench_cli.sh [threads]      (after mvn package; stop other work on the machine first)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench_env.sh"
./liif train --data test-images --channels 3 --blocks 16 --features 64 --hidden 256,256,256,256 --batch 1 \
  --iterations 1 --validate-every 1000 --seed 1 -o "$work/paper.liif" > /dev/null 2>&1
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), threads $threads"
printf '%-10s %6s %10s %10s %12s\n' model scale seconds Mpx/s "peak RSS MB"
for model in natural "$work/paper.liif"; do
  for scale in 2 4 8; do
    out="$work/out-$scale.png"
    /usr/bin/time -f '%e %M' -o "$work/time" ./liif upscale --model "$model" --threads "$threads" --scale "$scale" \
      test-images/astronaut-256.png -o "$out" --overwrite > /dev/null 2>&1
    read -r seconds rss < "$work/time"
    mpx=$(awk -v s="$scale" 'BEGIN { print 256 * s * 256 * s / 1e6 }')
    name=$([[ "$model" == natural ]] && echo natural || echo paper-size)
    printf '%-10s %6s %10.1f %10.4f %12d\n' "$name" "x$scale" "$seconds" "$(awk -v m="$mpx" -v t="$seconds" 'BEGIN { print m / t }')" $((rss / 1024))
  done
done
