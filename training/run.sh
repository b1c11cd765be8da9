#!/usr/bin/env bash
# Trains (or, with --resume, continues) a bundled model: training/run.sh natural|microscopy [--resume] [more liif train options]
# LIIF_THREADS (default 1) sets the network threads: 1 per run when two runs share the machine.
# LIIF_RUN (default: the kind) names the run's files in training/runs/ (an A/B arm, say); extra options
# (e.g. --global-residual none for the reference's form) go to `liif train` after the recipe's.
# Runs from a frozen copy of the build in training/runs/ so that rebuilding target/ cannot disturb a
# run that takes hours. Checkpoints: training/runs/<run>.liif.ckpt every 250 iterations and on SIGTERM.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kind="$1"; shift
data="${LIIF_DATA:-$here/../shared/data}"
runs="$here/training/runs"
name="${LIIF_RUN:-$kind}"
mkdir -p "$runs"
# two runs started together: one builds and freezes the jar, the other waits for it (flock)
(
  flock 9
  if [[ ! -f "$runs/LIIF_Upscale-0.1.0-SNAPSHOT.jar" ]]; then
    (cd "$here" && mvn -B -q package -DskipTests)
    cp -r "$here/target/lib" "$here"/target/LIIF_Upscale-*.jar "$runs/"
  fi
) 9>"$runs/.build.lock"
# microscopy: the enlarged data, and LR patches made as microscopes make them (bicubic, camera
# binning, PSF blur + binning + Poisson-Gaussian noise up to 0.02, one drawn per patch)
case "$kind" in
  natural) channels=3; recipe=(--data "$data/$kind/train") ;;
  microscopy) channels=1; recipe=(--data "$data/$kind/train" "$data/$kind/train-extra" --degradation bicubic,area,blur-noise --noise 0.02) ;;
  *) echo "usage: training/run.sh natural|microscopy [--resume] [liif train options]" >&2; exit 2 ;;
esac
# the schedule: a fixed total of 30000 iterations, lr 2e-4 halved every 6000 (five steps), resumable
export TORCH_CPP_LOG_LEVEL=ERROR
# see ../liif: one malloc arena, so that freed tensor blocks are kept for reuse
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}"
exec java -Xmx6g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error \
  -cp "$runs/LIIF_Upscale-0.1.0-SNAPSHOT.jar:$runs/lib/*" io.github.liif.cli.LiifCli train \
  "${recipe[@]}" --val "$data/$kind/val" --channels "$channels" \
  --blocks 16 --features 64 --hidden 128,128,128 --batch 8 --lr 2e-4 --decay-every 6000 \
  --iterations "${LIIF_ITERATIONS:-30000}" --checkpoint-every 250 --validate-every 500 --threads "${LIIF_THREADS:-1}" \
  --seed 1 --average-decay 0.998 --global-residual bicubic -o "$runs/$name.liif" "$@"
