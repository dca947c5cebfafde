package com.kcm.voice;

/** The occasions of a customer-care message (SPEC §7.5). */
enum CareOccasion {
	BIRTHDAY, HOLIDAY, PURCHASE_ANNIVERSARY, MAINTENANCE
}
