package com.kcm.voice;

/** What a customer consents to (SPEC §7.5): satisfaction surveys, care messages, marketing. */
public enum ConsentPurpose {
	SURVEY, CARE, MARKETING
}
