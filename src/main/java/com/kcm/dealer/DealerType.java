package com.kcm.dealer;

/** 4S (sales, service, parts, survey) or 3S dealer; stored and shown as "4S" / "3S". */
public enum DealerType {
	S4("4S"), S3("3S");

	private final String code;

	DealerType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static DealerType ofCode(String code) {
		for (DealerType t : values()) {
			if (t.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
				return t;
			}
		}
		throw new IllegalArgumentException("unknown dealer type " + code);
	}
}
