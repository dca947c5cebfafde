package com.kcm.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The post behind an online complaint (SPEC §4.4): where, when, by whom, and whether it is negative. */
@Embeddable
public class OnlinePost {

	@Column(name = "online_platform")
	private String platform;

	@Column(name = "online_url")
	private String url;

	@Column(name = "online_posted_at")
	private Instant postedAt;

	@Column(name = "online_handle")
	private String handle;

	@Column(name = "online_content")
	private String content;

	@Column(name = "online_negative")
	private Boolean negative;

	protected OnlinePost() {
	}

	public OnlinePost(String platform, String url, Instant postedAt, String handle, String content, boolean negative) {
		this.platform = platform;
		this.url = url;
		this.postedAt = postedAt;
		this.handle = handle;
		this.content = content;
		this.negative = negative;
	}

	public String getPlatform() {
		return platform;
	}

	public String getUrl() {
		return url;
	}

	public Instant getPostedAt() {
		return postedAt;
	}

	public String getHandle() {
		return handle;
	}

	public String getContent() {
		return content;
	}

	public boolean isNegative() {
		return Boolean.TRUE.equals(negative);
	}
}
