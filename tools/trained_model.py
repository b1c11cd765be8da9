#!/usr/bin/env python3
"""Makes a .liif model from a training checkpoint's trained weights (not its weight average).

A checkpoint of a run with --average-decay ships the average as its model and keeps the
optimizer's own weights as trained-weights.safetensors; this writes those as the model of a new
.liif (same descriptor, so the architecture, global residual included, is kept), e.g. to compare
the two with `liif eval`.  Usage: tools/trained_model.py RUN.liif.ckpt OUT.liif  (no Python packages)
"""
import sys
import zipfile


def main(checkpoint, output):
    with zipfile.ZipFile(checkpoint) as z:
        names = z.namelist()
        if "trained-weights.safetensors" not in names:
            sys.exit(f"{checkpoint}: no trained-weights.safetensors (the run had no weight average: its model is them)")
        descriptor = z.read("liif-model.json")
        weights = z.read("trained-weights.safetensors")
    with zipfile.ZipFile(output, "x") as out:
        out.writestr("liif-model.json", descriptor)
        out.writestr("weights.safetensors", weights)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
