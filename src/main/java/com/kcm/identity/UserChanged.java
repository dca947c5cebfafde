package com.kcm.identity;

/** A user's account was changed or unlocked by the administration: roles, scope or access may differ. */
record UserChanged(long userId) {
}
