package io.github.liif.inference;

/** Progress reporting and cooperative cancellation for long operations. */
public interface Monitor {

	Monitor NONE = new Monitor() {

		@Override
		public void progress(long done, long total) {}

		@Override
		public boolean isCancelled() { return false; }
	};

	/** Called between batches; {@code done} of {@code total} work units. */
	void progress(long done, long total);

	/** Called when the work moves on to plane {@code index} (1-based) of {@code count}, for monitors that show it. */
	default void plane(int index, int count) {}

	/** Polled between batches; true stops the work with {@link CancelledException}. */
	boolean isCancelled();
}
