package com.kcm.dealer;

/** SPEC §2: 正式运作, 过渡服务, 暂停服务, 撤站/停止合作. */
public enum DealerStatus {
	ACTIVE, TRANSITIONAL, SUSPENDED, TERMINATED
}
