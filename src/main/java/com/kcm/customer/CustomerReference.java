package com.kcm.customer;

/** The least a complaint needs of its customer: the id and whether it is a key account. */
public record CustomerReference(long id, boolean keyAccount) {
}
