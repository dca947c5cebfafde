package com.kcm.complaint;

/** Who complains: the customer (现实客户) or an agent acting for one (代理客户). */
public enum ComplainantType {
	CUSTOMER, ASSOCIATION, MEDIA, INSTITUTION, LAWYER, OTHER
}
