package com.kcm.voice;

/**
 * A care message was chosen for a customer (row {@code sendId} of {@code care_send}); published in the same
 * transaction, so the outbox delivers it to the sender once the choice is committed.
 */
record CareMessageDue(long sendId) {
}
