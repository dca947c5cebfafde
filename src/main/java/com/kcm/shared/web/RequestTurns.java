package com.kcm.shared.web;

/**
 * The turn a request holds while it works ({@code kcm.http.max-active-requests}): turns bound the requests that
 * use the cores at once. A request that has done its own work and now only waits — for a commit it shares with
 * other requests (intake's group commit) — hands its turn on with {@link #waitingFromNow()}, so the next request
 * works meanwhile instead of the cores standing idle while every turn waits for the disk. It does not take a
 * turn again: what is left is writing its answer.
 */
public final class RequestTurns {

	private static final ThreadLocal<Runnable> HANDOVER = new ThreadLocal<>();

	private RequestTurns() {
	}

	/**
	 * The request on this thread only waits from now on: its turn, if it holds one, goes to the next request.
	 * Does nothing outside a request with a turn (a job, a test, a second call).
	 */
	public static void waitingFromNow() {
		Runnable handover = HANDOVER.get();
		if (handover != null) {
			HANDOVER.remove();
			handover.run();
		}
	}

	/** For the filter that gives turns: the turn of the request on this thread and how to hand it on. */
	static void held(Runnable handover) {
		HANDOVER.set(handover);
	}

	/** For the filter that gives turns: the request on this thread is done. */
	static void done() {
		HANDOVER.remove();
	}
}
