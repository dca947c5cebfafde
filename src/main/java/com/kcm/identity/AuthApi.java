package com.kcm.identity;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token} (Appendix A). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

	record Credentials(String username, String password) {
	}

	private final ApiTokens tokens;

	AuthApi(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/token")
	ResponseEntity<?> token(@RequestBody Credentials credentials) throws Exception {
		if (credentials.username() == null || credentials.password() == null) {
			return error(HttpStatus.UNPROCESSABLE_CONTENT, credentials.username() == null ? "username" : "password",
					"必填 (required)");
		}
		try {
			return ResponseEntity.ok(Map.of("token", tokens.issue(credentials.username(), credentials.password())));
		} catch (LockedException e) {
			return error(HttpStatus.UNAUTHORIZED, null, "账户已锁定，请稍后再试 (account locked)");
		} catch (DisabledException e) {
			return error(HttpStatus.UNAUTHORIZED, null, "账户已停用 (account disabled)");
		} catch (BadCredentialsException e) {
			return error(HttpStatus.UNAUTHORIZED, null, "用户名或密码错误 (bad credentials)");
		} catch (AuthenticationException e) {
			return error(HttpStatus.UNAUTHORIZED, null, "登录失败 (authentication failed)");
		}
	}

	private static ResponseEntity<?> error(HttpStatus status, String field, String message) {
		Map<String, Object> e = field == null ? Map.of("message", message) : Map.of("field", field, "message", message);
		return ResponseEntity.status(status).body(Map.of("errors", java.util.List.of(e)));
	}
}
