package com.kcm.notification;

/** How a message travels. */
enum DeliveryChannel {
	EMAIL, SMS
}
