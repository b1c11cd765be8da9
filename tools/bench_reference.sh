#!/usr/bin/env bash
# This project against a PyTorch implementation of the reference LIIF on the same work, in one
# window: EDSR-baseline-LIIF of the paper's size (random weights, one checkpoint shared by both),
# RGB inputs of 256 x 256 and 128 x 128 cut from test-images/astronaut-256.png, upscaled x4, and
# one training step of the reference's recipe.
#   reference: tools/fixtures/make_fixtures.py's LIIF (checked against the reference code's own
#     fixtures), queried in batches of 30000 as the reference's test script does, in-process and
#     warm (one untimed run first, the process kept between runs), Debian's python3-torch on
#     OpenBLAS at the kernel OpenBLAS picks for this processor (named in the output), glibc's
#     allocator set as ./liif sets its own
#   this project: the whole `./liif upscale` process (JVM start, engine and model load, PNG in and
#     out) with the reference's options: the .pth itself, consistency off; one untimed run first
#   runs alternate, peer then this project, for [rounds] rounds (default 3): a slower or faster
#     spell of the machine (these VMs vary 1.5-2x within minutes) meets both; medians are printed,
#     and the ratio of each round
# Usage: [LIIF_PEER_HEAP=default] tools/bench_reference.sh [threads] [rounds]   (after mvn package, with Debian's python3-torch,
# python3-pil and libopenblas0-pthread; stop other work on the machine first)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench_env.sh"
rounds="${2:-3}"
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); libblas.so.3 -> $blas"
# the peer on a real BLAS: Debian's python3-torch pulls in the generic reference BLAS, 3-10x slower
if [[ "$blas" != *openblas* ]]; then
  echo "bench_reference: libblas.so.3 is not OpenBLAS ($blas): apt-get install libopenblas0-pthread" >&2
  exit 2
fi
cat > "$work/peer.py" <<'EOF'
import ctypes, os, sys, time
import numpy as np
import torch
from PIL import Image
sys.path.insert(0, 'tools/fixtures')
import make_fixtures as ref

work, threads = sys.argv[1], int(sys.argv[2])
openblas = ctypes.CDLL(sys.argv[3])
openblas.openblas_get_corename.restype = ctypes.c_char_p
torch.set_num_threads(threads)
torch.manual_seed(1)
args = {'encoder_spec': {'name': 'edsr-baseline', 'args': {'no_upsampling': True}},
        'imnet_spec': {'name': 'mlp', 'args': {'out_dim': 3, 'hidden_list': [256] * 4}}}
model = ref.build(args).eval()
ref.save(model, args, os.path.join(work, 'paper.pth'))
blas = torch.__config__.show().replace('\n', ' ')
blas = 'BLAS_INFO=' + blas.split('BLAS_INFO=')[1].split(',')[0] if 'BLAS_INFO=' in blas else 'BLAS: see torch.__config__.show()'
print('reference: python3-torch %s (%s: built on the libblas.so.3 interface; the library loaded is the one named above, '
      'OpenBLAS kernel %s), %d threads' % (torch.__version__, blas, openblas.openblas_get_corename().decode(), threads))


class Features(torch.nn.Module):
    """Stands in for the encoder once its features are computed (the reference's gen_feat)."""
    def __init__(self, feat):
        super().__init__()
        self.feat = feat

    def forward(self, x):
        return self.feat


def batched(img, h, w, bsize=30000):
    coord = ref.make_coord((h, w)).view(1, -1, 2)
    cell = torch.ones_like(coord)
    cell[:, :, 0] *= 2 / h
    cell[:, :, 1] *= 2 / w
    inp = (img - 0.5) / 0.5
    with torch.no_grad():
        feat = model.encoder(inp)
        encoder = model.encoder
        model.encoder = Features(feat)  # features once, then query_rgb per batch, as the reference
        try:
            preds = [model.query(inp, coord[:, i:i + bsize], cell[:, i:i + bsize]) for i in range(0, coord.shape[1], bsize)]
        finally:
            model.encoder = encoder
    return torch.cat(preds, 1)


full = Image.open('test-images/astronaut-256.png').convert('RGB')
images = {}
for size in (256, 128):
    crop = full.crop((0, 0, size, size))
    crop.save(os.path.join(work, 'in-%d.png' % size))
    images[size] = torch.from_numpy(np.asarray(crop, dtype=np.float32) / 255).permute(2, 0, 1).unsqueeze(0)
batched(images[256], 512, 512)  # warm-up

# one training step of the reference's recipe: batch 16 of 48 x 48 inputs, 2304 sampled queries each,
# forward, L1, backward, Adam (lr 1e-4)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
inp = torch.rand(16, 3, 48, 48) * 2 - 1
coord = torch.rand(16, 2304, 2) * 2 - 1
cell = torch.full((16, 2304, 2), 2 / 96.0)
gt = torch.rand(16, 2304, 3) * 2 - 1


def step():
    model.train()
    optimizer.zero_grad()
    loss = torch.nn.functional.l1_loss(model.query(inp, coord, cell), gt)
    loss.backward()
    optimizer.step()
    model.eval()


step()  # warm-up
print('ready', flush=True)
for line in sys.stdin:  # "upscale SIZE" or "train": one timed run, its seconds printed
    words = line.split()
    start = time.time()
    if words[0] == 'train':
        step()
    else:
        size = int(words[1])
        batched(images[size], 4 * size, 4 * size)
    print('%.2f' % (time.time() - start), flush=True)
EOF
# OpenBLAS at its own choice of kernel (env -u): some machines here set OPENBLAS_CORETYPE=Haswell (AVX2)
# for older builds, which halved the peer's speed on the AMD EPYC VM, where the kernel OpenBLAS picks
# (Cooperlake) gives the same LIIF outputs to 2.4e-8. glibc's allocator tuned as ./liif tunes its own
# (the launcher's MALLOC_ARENA_MAX and huge pages, runtime.NativeHeap's values): with glibc's defaults every batch's
# large blocks are mapped fresh and the peer ran 128 x 128 -> x4 in 27-34 s instead of 6-8 s
# (LIIF_PEER_HEAP=default: the peer on glibc's defaults, as a PyTorch user gets it)
heap=(MALLOC_ARENA_MAX=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1 MALLOC_MMAP_THRESHOLD_=$((256 << 20)) MALLOC_TOP_PAD_=$((64 << 20)) MALLOC_TRIM_THRESHOLD_=2147483647)
[[ "${LIIF_PEER_HEAP:-tuned}" == default ]] && heap=()
echo "reference's allocator: ${heap[*]:-glibc defaults}"
coproc PEER {
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${heap[@]}" /usr/bin/python3 -u "$work/peer.py" "$work" "$threads" "$blas"
}
while read -r line <&"${PEER[0]}"; do
  [[ "$line" == ready ]] && break
  echo "$line"
done
peer() { echo "$1" >&"${PEER[1]}"; read -r seconds <&"${PEER[0]}"; echo "$seconds"; }
ours() {
  /usr/bin/time -f '%e %M' -o "$work/time" ./liif upscale --model "$work/paper.pth" --consistency off --threads "$threads" \
    --scale 4 "$work/in-$1.png" -o "$work/out-$1.png" --overwrite > /dev/null 2>&1
  cat "$work/time"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# the first ./liif run after a build also writes the launcher's class-data archive at its end
ours 128 > /dev/null
for size in 256 128; do
  theirs=() mine=() ratios=() rss=0
  for ((round = 1; round <= rounds; round++)); do
    t="$(peer "upscale $size")"
    read -r m kb < <(ours "$size")
    theirs+=("$t") mine+=("$m") ratios+=("$(awk -v a="$t" -v b="$m" 'BEGIN { printf "%.2f", a / b }')")
    if ((kb > rss)); then rss=$kb; fi
  done
  t="$(median "${theirs[@]}")" m="$(median "${mine[@]}")"
  mpx=$(((4 * size) * (4 * size)))
  echo "${size}x${size} -> x4: reference $t s ($(awk -v p="$mpx" -v s="$t" 'BEGIN { printf "%.4f", p / s / 1e6 }') Mpx/s; ${theirs[*]}), " \
    "./liif upscale (whole process) $m s ($(awk -v p="$mpx" -v s="$m" 'BEGIN { printf "%.4f", p / s / 1e6 }') Mpx/s; ${mine[*]}," \
    "peak RSS $((rss / 1024)) MB): $(awk -v a="$t" -v b="$m" 'BEGIN { printf "%.2f", a / b }')x (rounds: ${ratios[*]})"
done
steps=()
for ((round = 1; round <= rounds; round++)); do steps+=("$(peer train)"); done
t="$(median "${steps[@]}")"
echo "reference training step (paper size, batch 16, 2304 queries): $t s ($(awk -v s="$t" 'BEGIN { printf "%.3f", 1 / s }') it/s; ${steps[*]})"
exec {PEER[1]}>&-
wait
./liif bench --train --iterations 4 --threads "$threads" 2>/dev/null | grep -v '^peak'
