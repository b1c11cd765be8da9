#!/usr/bin/env bash
# This project against a PyTorch implementation of the reference LIIF on the same work, in one
# window: EDSR-baseline-LIIF of the paper's size (random weights, one checkpoint shared by both),
# RGB inputs of 256 x 256 and 128 x 128 cut from test-images/astronaut-256.png, upscaled x4.
#   both: the median of three timed runs (these machines vary run to run)
#   reference: tools/fixtures/make_fixtures.py's LIIF (checked against the reference code's own
#     fixtures), queried in batches of 30000 as the reference's test script does, in-process and
#     warm (one untimed run first), Debian's python3-torch on its BLAS (named in the output)
#   this project: the whole `./liif upscale` process (JVM start, engine and model load, PNG in and
#     out) with the reference's options: the .pth itself, consistency off; warm (one untimed run first)
# Usage: tools/bench_reference.sh [threads]   (after mvn package, with Debian's python3-torch and python3-pil;
# stop other work on the machine first)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench_env.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
/usr/bin/python3 - "$work" "$threads" <<'EOF'
import os, sys, time
import numpy as np
import torch
from PIL import Image
sys.path.insert(0, 'tools/fixtures')
import make_fixtures as ref

work, threads = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(threads)
torch.manual_seed(1)
args = {'encoder_spec': {'name': 'edsr-baseline', 'args': {'no_upsampling': True}},
        'imnet_spec': {'name': 'mlp', 'args': {'out_dim': 3, 'hidden_list': [256] * 4}}}
model = ref.build(args).eval()
ref.save(model, args, os.path.join(work, 'paper.pth'))
blas = torch.__config__.show().replace('\n', ' ')
blas = 'BLAS_INFO=' + blas.split('BLAS_INFO=')[1].split(',')[0] if 'BLAS_INFO=' in blas else 'BLAS: see torch.__config__.show()'
print('reference: python3-torch %s (%s: built on the libblas.so.3 interface; the library loaded is the one named above), %d threads' % (torch.__version__, blas, threads))
full = Image.open('test-images/astronaut-256.png').convert('RGB')


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


for size in (256, 128):
    crop = full.crop((0, 0, size, size))
    crop.save(os.path.join(work, 'in-%d.png' % size))
    img = torch.from_numpy(np.asarray(crop, dtype=np.float32) / 255).permute(2, 0, 1).unsqueeze(0)
    batched(img, 2 * size, 2 * size)  # warm-up
    runs = []
    for _ in range(3):
        start = time.time()
        batched(img, 4 * size, 4 * size)
        runs.append(time.time() - start)
    seconds = sorted(runs)[1]
    print('reference %dx%d -> x4: %.1f s (%.4f Mpx/s; median of %s s)' % (size, size, seconds, (4 * size) ** 2 / seconds / 1e6,
          ' / '.join('%.1f' % r for r in runs)))

# one training step of the reference's recipe: batch 16 of 48 x 48 inputs, 2304 sampled queries each,
# forward, L1, backward, Adam (lr 1e-4); one untimed step first, then the mean of three
model.train()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
inp = torch.rand(16, 3, 48, 48) * 2 - 1
coord = torch.rand(16, 2304, 2) * 2 - 1
cell = torch.full((16, 2304, 2), 2 / 96.0)
gt = torch.rand(16, 2304, 3) * 2 - 1


def step():
    optimizer.zero_grad()
    loss = torch.nn.functional.l1_loss(model.query(inp, coord, cell), gt)
    loss.backward()
    optimizer.step()


step()
start = time.time()
for _ in range(3):
    step()
seconds = (time.time() - start) / 3
print('reference training step (paper size, batch 16, 2304 queries): %.2f s (%.3f it/s)' % (seconds, 1 / seconds))
EOF
# one untimed run first, as the reference's: the first ./liif run after a build also writes the
# launcher's class-data archive at its end (1-2 s more than any later run)
./liif upscale --model "$work/paper.pth" --consistency off --threads "$threads" --scale 2 "$work/in-128.png" \
  -o "$work/warm-up.png" > /dev/null 2>&1
for size in 256 128; do
  runs=()
  for run in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" ./liif upscale --model "$work/paper.pth" --consistency off --threads "$threads" \
      --scale 4 "$work/in-$size.png" -o "$work/out-$size.png" --overwrite > /dev/null 2>&1
    read -r seconds rss < "$work/time"
    runs+=("$seconds")
  done
  seconds="$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)"
  echo "./liif upscale ${size}x${size} -> x4 (whole process): $seconds s ($(awk -v s="$size" -v t="$seconds" 'BEGIN { printf "%.4f", (4 * s) ^ 2 / t / 1e6 }') Mpx/s; median of ${runs[*]} s), peak RSS $((rss / 1024)) MB"
done
./liif bench --train --iterations 4 --threads "$threads" 2>/dev/null | grep -v '^peak'
