package com.kcm.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;

/**
 * Demo users, one per role of SPEC §1, all with the password {@value #PASSWORD} (README). Runs after
 * the dealer demo data (order 10) so dealer and regional users can be bound to D0001, D0002 and N.
 */
@Component
@Order(30)
class DemoUsers implements DemoData {

	static final String PASSWORD = "demo1234";
	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final UserAdministration users;
	private final UserRepository repository;
	private final OrganisationDirectory directory;

	DemoUsers(UserAdministration users, UserRepository repository, OrganisationDirectory directory) {
		this.users = users;
		this.repository = repository;
		this.directory = directory;
	}

	@Override
	public void loadDemo() {
		if (repository.existsByUsername("agent")) {
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data",
				null, AuthorityUtils.NO_AUTHORITIES));
		try {
			create("admin", "系统管理员", List.of("ADMIN"), null, null, true);
			create("agent", "张敏（客服座席）", List.of("CS_AGENT"), null, null, true);
			create("supervisor", "李娜（客服主管）", List.of("CS_SUPERVISOR"), null, null, true);
			create("aftersales", "王强（关键客户科）", List.of("AFTER_SALES"), null, null, false);
			create("manager", "赵刚（售后经理）", List.of("AFTER_SALES_MANAGER"), null, null, false);
			create("finance", "钱芳（财务部）", List.of("FINANCE"), null, null, false);
			create("accountmgr", "孙磊（客户经理）", List.of("ACCOUNT_MANAGER"), null, null, false);
			create("regional.n", "周洋（华北大区）", List.of("REGIONAL"), null, "N", false);
			create("dealer.d0001", "吴杰（D0001 服务经理）", List.of("DEALER"), "D0001", null, false);
			create("dealer.d0002", "郑丽（D0002 服务经理）", List.of("DEALER"), "D0002", null, false);
			log.info("Demo users created (password '{}'): see README", PASSWORD);
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void create(String username, String name, List<String> roles, String dealerCode, String regionCode,
			boolean reveal) {
		if (repository.existsByUsername(username)) {
			return;
		}
		if ((dealerCode != null && directory.dealerIdByCode(dealerCode).isEmpty())
				|| (regionCode != null && directory.regionIdByCode(regionCode).isEmpty())) {
			log.warn("Demo user {} skipped: {} not found", username, dealerCode != null ? dealerCode : regionCode);
			return;
		}
		users.create(new UserCommand(username, PASSWORD, name, roles, dealerCode, regionCode, true, reveal,
				username + "@kcm.example", null));
	}
}
