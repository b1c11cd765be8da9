#!/usr/bin/python3
"""Reads an OME-Zarr written by `liif spark --zarr` with zarr-python (an independent reader) and
compares it with the TIFF that `liif upscale` writes for the same image and settings.

    apt-get install python3-zarr python3-tifffile
    tools/interop/check_zarr.py OUT.zarr OUT.tif

Not part of the build: the Java tests read the store back with the project's own reader; this
checks that other tools read the same thing.
"""
import json
import sys

import numpy as np
import tifffile
import zarr

store, tiff = sys.argv[1], sys.argv[2]
group = zarr.open_group(store, mode="r")
attrs = group.attrs.asdict()
ms = attrs["multiscales"][0]
assert ms["version"] == "0.4", ms
array = group[ms["datasets"][0]["path"]]
print("zarr:", array.shape, array.dtype, "chunks", array.chunks, "compressor", array.compressor)
print("axes:", json.dumps(ms["axes"]), "scale:", ms["datasets"][0]["coordinateTransformations"][0]["scale"])
data = array[:]
expected = tifffile.imread(tiff)
if expected.ndim == 3:  # RGB TIFF: (y, x, c) -> (c, y, x)
    expected = np.moveaxis(expected, -1, 0)
else:
    expected = expected[np.newaxis]
assert data.shape == expected.shape, (data.shape, expected.shape)
diff = np.abs(data.astype(np.float64) - expected.astype(np.float64)).max()
print("max difference to the TIFF:", diff)
sys.exit(0 if diff == 0 else 1)
