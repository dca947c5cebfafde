package com.kcm.identity;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;
import com.kcm.shared.web.NavItem;

/** Administration of users and their roles (ADMIN). */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

	/** The form's fields; roles as codes. */
	static class UserForm {
		public String username;
		public String password;
		public String displayName;
		public List<String> roles = List.of();
		public String dealerCode;
		public String regionCode;
		public boolean enabled = true;
		public boolean revealPersonalData;
		public String email;
		public String mobile;

		public String getUsername() { return username; }
		public void setUsername(String v) { username = v; }
		public String getPassword() { return password; }
		public void setPassword(String v) { password = v; }
		public String getDisplayName() { return displayName; }
		public void setDisplayName(String v) { displayName = v; }
		public List<String> getRoles() { return roles; }
		public void setRoles(List<String> v) { roles = v == null ? List.of() : v; }
		public String getDealerCode() { return dealerCode; }
		public void setDealerCode(String v) { dealerCode = v; }
		public String getRegionCode() { return regionCode; }
		public void setRegionCode(String v) { regionCode = v; }
		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean v) { enabled = v; }
		public boolean isRevealPersonalData() { return revealPersonalData; }
		public void setRevealPersonalData(boolean v) { revealPersonalData = v; }
		public String getEmail() { return email; }
		public void setEmail(String v) { email = v; }
		public String getMobile() { return mobile; }
		public void setMobile(String v) { mobile = v; }

		UserCommand command() {
			return new UserCommand(username, password, displayName, roles, dealerCode, regionCode, enabled, revealPersonalData,
					email, mobile);
		}
	}

	private final UserAdministration users;
	private final OrganisationDirectory directory;
	private final MessageSource messages;

	UserPages(UserAdministration users, OrganisationDirectory directory, MessageSource messages) {
		this.users = users;
		this.directory = directory;
		this.messages = messages;
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return Arrays.asList(Role.values());
	}

	@ModelAttribute("directory")
	OrganisationDirectory directory() {
		return directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", users.search(q, PageRequest.of(Math.max(page, 0), 20, Sort.by("username"))));
		return "identity/users";
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("form", new UserForm());
		return "identity/user-form";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
		try {
			users.create(form.command());
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			return "identity/user-form";
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		UserAccount u = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
		UserForm form = new UserForm();
		form.username = u.getUsername();
		form.displayName = u.getDisplayName();
		form.roles = u.getRoles().stream().map(Role::name).toList();
		form.dealerCode = u.getDealerId() == null ? null : directory.dealerCode(u.getDealerId()).orElse(null);
		form.regionCode = u.getRegionId() == null ? null : directory.regionCode(u.getRegionId()).orElse(null);
		form.enabled = u.isEnabled();
		form.revealPersonalData = u.isRevealPersonalData();
		form.email = u.getEmail();
		form.mobile = u.getMobile();
		model.addAttribute("form", form);
		model.addAttribute("user", u);
		return "identity/user-form";
	}

	@PostMapping("/{id}")
	String edit(@PathVariable long id, @ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
		try {
			users.update(id, form.command());
		} catch (ValidationException e) {
			model.addAttribute("errors", Messages.render(messages, e.violations()));
			model.addAttribute("user", users.find(id).orElseThrow(() -> new NotFoundException("user", id)));
			return "identity/user-form";
		}
		redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id) {
		users.unlock(id);
		return "redirect:/admin/users/" + id;
	}

	@Configuration(proxyBeanMethods = false)
	static class Menu {
		@Bean
		NavItem usersMenu() {
			return new NavItem("admin", 10, "nav.users", "/admin/users", java.util.Set.of("ADMIN"));
		}
	}
}
