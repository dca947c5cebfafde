package com.kcm.complaint.web;


import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.kcm.complaint.ComplaintBoards;
import com.kcm.complaint.ComplaintBoards.InboxTab;

/**
 * The dealer's inbox (a regional user sees its region's): open work orders, overdue first then the nearest
 * deadline, with the time left rendered on the server and refreshed by htmx every minute; and customer
 * service's callback queue.
 */
@Controller
class InboxPages {

	static final int PAGE = 20;

	private final ComplaintBoards boards;
	private final java.util.List<com.kcm.complaint.CallbackFollowUps> followUps;

	InboxPages(ComplaintBoards boards, java.util.List<com.kcm.complaint.CallbackFollowUps> followUps) {
		this.boards = boards;
		this.followUps = followUps;
	}

	@GetMapping("/inbox")
	@PreAuthorize(ComplaintRoles.INBOX)
	String inbox(@RequestParam(defaultValue = "ALL") InboxTab tab, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("tab", tab);
		model.addAttribute("pageUrl", "/inbox?tab=" + tab.name() + "&page=");
		model.addAttribute("refreshUrl", "/inbox?tab=" + tab.name() + "&page=" + Math.max(page, 0));
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE);
		if (htmx != null) {
			model.addAttribute("page", boards.inbox(tab, request));
			return "complaint/inbox-parts :: rows";
		}
		ComplaintBoards.Inbox inbox = boards.inboxWithCounts(tab, request);
		model.addAttribute("page", inbox.page());
		model.addAttribute("counts", inbox.counts());
		return "complaint/inbox";
	}

	@GetMapping("/callbacks")
	@PreAuthorize(ComplaintRoles.CALLBACKS)
	String callbacks(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", boards.callbacks(PageRequest.of(Math.max(page, 0), PAGE)));
		model.addAttribute("pageUrl", "/callbacks?page=");
		java.util.List<com.kcm.complaint.CallbackFollowUps.FollowUp> open = new java.util.ArrayList<>();
		long openCount = 0;
		for (com.kcm.complaint.CallbackFollowUps f : followUps) {
			open.addAll(f.open(PAGE));
			openCount += f.countOpen();
		}
		model.addAttribute("followUps", open);
		model.addAttribute("followUpCount", openCount);
		return "complaint/callbacks";
	}
}
