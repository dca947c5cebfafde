package com.kcm.complaint;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.kcm.shared.cache.Caches;

/**
 * Follows every committed change of a complaint, a work order or a callback (through {@link Listener}, the
 * JPA entity listener of those three entities): when the change commits, the cached after-sales boards
 * ({@link Caches#COMPLAINT_BOARDS}) are evicted and a counter moves on, so views built from them can tell
 * whether they are still current. Both happen after the commit, never before it: a board built before then
 * that saw the old rows is dropped, and one built after sees the change. Changes written around JPA call
 * {@link #changed()} themselves.
 */
@Component
class ComplaintChanges {

	private final AtomicLong generation = new AtomicLong();
	private final Cache boards;

	ComplaintChanges(CacheManager caches) {
		this.boards = caches.getCache(Caches.COMPLAINT_BOARDS);
	}

	/** The current value; compare a later value with it to learn whether anything changed in between. */
	public long generation() {
		return generation.get();
	}

	/** Records a change: counted when the surrounding transaction commits (at once without one). */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			committed();
			return;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof CountOnCommit c && c.owner() == this) {
				return; // one increment per transaction is enough
			}
		}
		TransactionSynchronizationManager.registerSynchronization(new CountOnCommit(this));
	}

	private void committed() {
		generation.incrementAndGet();
		boards.invalidate(); // every scope's board: a change may move a complaint in or out of any of them
	}

	/**
	 * The entity listener. Hibernate creates one instance of it through Spring, which hands it the
	 * application's single {@link ComplaintChanges}.
	 */
	static class Listener {

		private final ComplaintChanges changes;

		Listener(ComplaintChanges changes) {
			this.changes = changes;
		}

		@PostPersist
		@PostUpdate
		@PostRemove
		void entityChanged(Object entity) {
			changes.changed();
		}
	}

	private record CountOnCommit(ComplaintChanges owner) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				owner.committed();
			}
		}
	}
}
