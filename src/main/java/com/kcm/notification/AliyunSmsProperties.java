package com.kcm.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Aliyun SMS (Dysmsapi {@code SendSms}) adapter, on when {@code kcm.sms.aliyun.access-key-id} is set:
 * the endpoint, the AccessKey pair, the signature name (短信签名), the provider template code (模板 CODE) of each KCM
 * template key, and the code of a generic template with one parameter {@code content} for messages KCM sends as
 * plain text (none: such messages fail and are retried after the configuration is fixed).
 */
@ConfigurationProperties("kcm.sms.aliyun")
record AliyunSmsProperties(String endpoint, String accessKeyId, String accessKeySecret, String signName,
		Map<String, String> templates, String textTemplate) {

	AliyunSmsProperties {
		endpoint = endpoint == null || endpoint.isBlank() ? "https://dysmsapi.aliyuncs.com" : endpoint;
		templates = templates == null ? Map.of() : Map.copyOf(templates);
	}
}
