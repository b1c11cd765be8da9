package io.github.liif.network;

import ai.djl.ndarray.NDArray;

/** Maps a normalised image (B, Cin, H, W) to latent features (B, C, H, W). */
interface Encoder {

	NDArray forward(NDArray image);
}
