package com.kcm.notification;

/** How a message travels. */
public enum DeliveryChannel {
	EMAIL, SMS
}
