#!/usr/bin/env bash
# Upscales a folder of images on a SLURM cluster without Spark: one array task per slice of the
# file list, each running ./liif upscale on its files. Outputs that exist are skipped, so
# resubmitting the same command finishes an interrupted run.
#
#   sbatch --array=0-31 cluster/slurm-array.sh INPUT_DIR OUTPUT_DIR --scale 3
#
# Every task loads the model once and processes its files one after another; give each task the
# cores libtorch should use (--cpus-per-task) and about 2 GB + 16 bytes per output pixel of the
# largest image, or less for TIFF results of one plane, which are streamed to disk.
#SBATCH --job-name=liif-upscale
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="$1"; output="$2"; shift 2
tasks="${SLURM_ARRAY_TASK_COUNT:-1}"
task="${SLURM_ARRAY_TASK_ID:-0}"
mkdir -p "$output"
mine=()
i=0
while IFS= read -r -d '' file; do
  if (( i % tasks == task )) && [[ ! -e "$output/$(basename "$file")" ]]; then mine+=("$file"); fi
  i=$((i + 1))
done < <(find "$input" -maxdepth 1 -type f \( -iname '*.tif' -o -iname '*.tiff' -o -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) \
  -not -name '.*' -print0 | sort -z)
echo "task $task of $tasks: ${#mine[@]} images to upscale"
(( ${#mine[@]} == 0 )) && exit 0
exec "$here/liif" upscale --threads "${SLURM_CPUS_PER_TASK:-1}" -o "$output" "$@" "${mine[@]}"
