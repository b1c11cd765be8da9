package io.github.liif.train;

import io.github.liif.geometry.QueryBatch;

/**
 * One batch of training samples.
 *
 * @param size B
 * @param channels C
 * @param patch P, the LR patch edge
 * @param lowRes (B, C, P, P) in [0, 1] space
 * @param queries B * samples queries into a (B*P*P)-row latent table
 * @param targets (B * samples, C) ground truth in the network's normalised space
 */
record TrainingBatch(int size, int channels, int patch, float[] lowRes, QueryBatch queries, float[] targets) {}
