package com.kcm.voice;

/** How a consent was given or withdrawn: in person, a signed paper form, phone, SMS (e.g. a TD reply), … */
public enum ConsentChannel {
	IN_PERSON, PAPER, PHONE, SMS, EMAIL, WECHAT, WEB, IMPORT
}
