package com.kcm.complaint;

/** Complaint category (抱怨分类); decides the closure day limit. */
public enum Category {
	PRODUCT_QUALITY, TECHNICAL_CAPABILITY, SERVICE_PROCESS, PARTS_SUPPLY, OTHER
}
