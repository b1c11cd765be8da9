package io.github.liif.inference;

/** Progress reporting and cooperative cancellation for long operations. */
public interface Monitor {

	Monitor NONE = new Monitor() {

		@Override
		public void progress(long done, long total) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** Called between batches; {@code done} of {@code total} work units. */
	void progress(long done, long total);

	/** Polled between batches; true stops the work with {@link CancelledException}. */
	boolean isCancelled();
}
