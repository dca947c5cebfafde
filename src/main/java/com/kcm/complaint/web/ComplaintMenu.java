package com.kcm.complaint.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.complaint.ComplaintBoards;
import com.kcm.complaint.ComplaintBoards.InboxTab;
import com.kcm.complaint.ComplaintBoards.Tally;
import com.kcm.complaint.ComplaintBoards.Section;
import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;
import com.kcm.shared.web.LayoutAdvice;
import com.kcm.shared.web.NavItem;

/** The complaint screens in the side menu, and each role's figures on the home page. */
@Configuration(proxyBeanMethods = false)
class ComplaintMenu {

	@Bean
	NavItem complaintIntakeMenu() {
		return new NavItem("complaint", 10, "nav.complaint.intake", "/complaints/new", Set.of("CS_AGENT", "AFTER_SALES"));
	}

	@Bean
	NavItem complaintOnlineMenu() {
		return new NavItem("complaint", 12, "nav.complaint.online", "/complaints/online/new", Set.of("AFTER_SALES"));
	}

	@Bean
	NavItem complaintBoardMenu() {
		return new NavItem("complaint", 14, "nav.complaint.board", "/complaints/board", Set.of("AFTER_SALES"));
	}

	@Bean
	NavItem complaintInboxMenu() {
		return new NavItem("complaint", 16, "nav.complaint.inbox", "/inbox", Set.of("DEALER", "REGIONAL"));
	}

	@Bean
	NavItem complaintSubCategoryMenu() {
		return new NavItem("admin", 45, "nav.complaint.subCategories", "/admin/complaint-sub-categories", Set.of("ADMIN"));
	}

	@Bean
	NavItem complaintCallbacksMenu() {
		return new NavItem("complaint", 18, "nav.complaint.callbacks", "/callbacks", Set.of("CS_AGENT"));
	}

	@Bean
	NavItem complaintListMenu() {
		return new NavItem("complaint", 20, "nav.complaint.list", "/complaints/list",
				Set.of("CS_AGENT", "AFTER_SALES", "DEALER", "REGIONAL"));
	}

	@Component
	static class Tiles implements HomeTiles {

		private final ComplaintBoards boards;
		private final RoleHierarchy hierarchy;

		Tiles(ComplaintBoards boards, RoleHierarchy hierarchy) {
			this.boards = boards;
			this.hierarchy = hierarchy;
		}

		@Override
		public List<HomeTile> tiles(Authentication user) {
			Set<String> roles = LayoutAdvice.effectiveRoles(user, hierarchy);
			List<HomeTile> tiles = new ArrayList<>();
			if (roles.contains("DEALER")) {
				Tally overdue = boards.inboxOverdue();
				tiles.add(new HomeTile(1, "tile.complaint.toConfirm", boards.inboxCount(InboxTab.CONFIRM).label(),
						"/inbox?tab=CONFIRM", ""));
				tiles.add(new HomeTile(2, "tile.complaint.toReply", boards.inboxCount(InboxTab.REPLY).label(),
						"/inbox?tab=REPLY", ""));
				tiles.add(new HomeTile(3, "tile.complaint.inboxOverdue", overdue.label(), "/inbox",
						overdue.positive() ? "border-danger" : ""));
				return tiles;
			}
			if (roles.contains("REGIONAL")) {
				tiles.add(new HomeTile(1, "tile.complaint.regionOpen", boards.inboxCount(InboxTab.ALL).label(),
						"/inbox", ""));
				return tiles;
			}
			if (roles.contains("AFTER_SALES")) {
				Tally overdue = boards.count(Section.OVERDUE);
				tiles.add(new HomeTile(1, "tile.complaint.toDispatch", boards.count(Section.TO_DISPATCH).label(),
						"/complaints/board/TO_DISPATCH", ""));
				tiles.add(new HomeTile(2, "tile.complaint.overdue", overdue.label(), "/complaints/board/OVERDUE",
						overdue.positive() ? "border-danger" : ""));
				tiles.add(new HomeTile(3, "tile.complaint.escalated", boards.count(Section.ESCALATED).label(),
						"/complaints/board/ESCALATED", ""));
			}
			if (roles.contains("CS_AGENT")) {
				Tally[] cb = boards.callbackCounts();
				tiles.add(new HomeTile(5, "tile.complaint.callbacksToday", cb[0].label(), "/callbacks", ""));
				tiles.add(new HomeTile(6, "tile.complaint.callbacksOverdue", cb[1].label(), "/callbacks",
						cb[1].positive() ? "border-danger" : ""));
			}
			return tiles;
		}
	}
}
