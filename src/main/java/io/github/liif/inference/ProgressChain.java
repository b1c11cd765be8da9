package io.github.liif.inference;

/**
 * Reports passes that run one after another as one progress over {@code total} units: each
 * pass counts from 0 to its own total, and a pass that reaches its total is added to what is
 * done. Cancellation is the parent's.
 */
public final class ProgressChain implements Monitor {

	private final Monitor parent;
	private final long total;
	private long finished;

	/** @param finished units already done before the first pass */
	public ProgressChain(Monitor parent, long finished, long total) {
		this.parent = parent;
		this.finished = finished;
		this.total = total;
	}

	@Override
	public void progress(long done, long all) {
		parent.progress(finished + done, total);
		if (done == all) finished += all;
	}

	@Override
	public boolean isCancelled() { return parent.isCancelled(); }
}
