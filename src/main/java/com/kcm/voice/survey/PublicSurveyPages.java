package com.kcm.voice.survey;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.Messages;

/**
 * The public answer page {@code /s/{token}} (SPEC §7.4): no sign-in, Chinese, phone-first, CSRF token on its form,
 * no script. It shows only the dealer's name and the case number. An unknown and an expired link get the same page
 * and status (404); a used link says it was answered (410). Each client address may call it {@link SurveyRateLimit}
 * times a minute (429 after).
 */
@Controller
class PublicSurveyPages {

	private final SurveyAnswers answers;
	private final SurveyRateLimit limit;
	private final MessageSource messages;

	PublicSurveyPages(SurveyAnswers answers, SurveyRateLimit limit, MessageSource messages) {
		this.answers = answers;
		this.limit = limit;
		this.messages = messages;
	}

	private String refused(SurveyAnswers.State state, HttpServletResponse response) {
		if (state == SurveyAnswers.State.USED) {
			response.setStatus(410);
			return "voice/survey-used";
		}
		response.setStatus(404);
		return "voice/survey-invalid";
	}

	private boolean limited(HttpServletRequest request, HttpServletResponse response) {
		if (limit.allow(request.getRemoteAddr())) {
			return false;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "60");
		return true;
	}

	@GetMapping("/s/{token}")
	String show(@PathVariable String token, Model m, HttpServletRequest request, HttpServletResponse response) {
		if (limited(request, response)) {
			return "voice/survey-busy";
		}
		SurveyAnswers.Opened o = answers.open(token);
		if (o.state() != SurveyAnswers.State.OPEN) {
			return refused(o.state(), response);
		}
		m.addAttribute("survey", o);
		m.addAttribute("token", token);
		m.addAttribute("given", Map.of());
		return "voice/survey-answer";
	}

	@PostMapping("/s/{token}")
	String answer(@PathVariable String token, @RequestParam Map<String, String> form, Model m,
			HttpServletRequest request, HttpServletResponse response) {
		if (limited(request, response)) {
			return "voice/survey-busy";
		}
		Map<Long, String> given = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.matches("q\\d{1,18}")) {
				given.put(Long.parseLong(k.substring(1)), v);
			}
		});
		try {
			SurveyAnswers.State s = answers.answer(token, given);
			if (s != SurveyAnswers.State.OPEN) {
				return refused(s, response);
			}
			return "voice/survey-thanks";
		} catch (ValidationException e) {
			SurveyAnswers.Opened o = answers.open(token);
			if (o.state() != SurveyAnswers.State.OPEN) {
				return refused(o.state(), response);
			}
			response.setStatus(422);
			m.addAttribute("survey", o);
			m.addAttribute("token", token);
			m.addAttribute("given", form);
			m.addAttribute("errors", Messages.render(messages, e.violations()));
			return "voice/survey-answer";
		}
	}
}
