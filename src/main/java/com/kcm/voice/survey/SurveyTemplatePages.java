package com.kcm.voice.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.web.Messages;

/**
 * Survey templates on a page (SPEC §7.4): a new template, or the current version of one edited — in place while it
 * was never sent, else as the next version (the sent one stays as its answers saw it). The form has a fixed number
 * of question rows (no script): the rows with neither a kind nor a text are left out, and an error names the row
 * as the user sees it.
 */
@Controller
@PreAuthorize(SurveyRoles.MANAGE)
class SurveyTemplatePages {

	/** Empty rows offered beyond the template's questions. */
	static final int SPARE_ROWS = 3;

	private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)]\\.(kind|text|options)");

	/** A question row of the form, as entered (options one per line). */
	record Row(String kind, String text, String options) {

		boolean blank() {
			return (kind == null || kind.isBlank()) && (text == null || text.isBlank());
		}
	}

	/** The form: the template being edited (null: a new one), its name, automatic sending and rows. */
	record Form(Long id, String name, boolean autoSend, List<Row> rows) {
	}

	private final SurveyTemplates templates;
	private final MessageSource messages;

	SurveyTemplatePages(SurveyTemplates templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/voice/surveys/templates/new")
	String create(Model m) {
		return form(m, new Form(null, "", false, rows(List.of())), null);
	}

	@GetMapping("/voice/surveys/templates/{id}/edit")
	String edit(@PathVariable long id, Model m) {
		SurveyTemplates.Template t = templates.get(id);
		List<Row> rows = t.questions().stream()
				.map(q -> new Row(q.kind().name(), q.text(), String.join("\n", q.options()))).toList();
		m.addAttribute("template", t);
		return form(m, new Form(t.id(), t.name(), t.autoSend(), rows(rows)), null);
	}

	@PostMapping("/voice/surveys/templates")
	String save(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "false") boolean autoSend,
			@RequestParam(name = "kind", required = false) List<String> kinds,
			@RequestParam(name = "text", required = false) List<String> texts,
			@RequestParam(name = "options", required = false) List<String> options, Model m, RedirectAttributes redirect) {
		List<Row> rows = new ArrayList<>();
		int n = Math.max(size(kinds), Math.max(size(texts), size(options)));
		for (int i = 0; i < n; i++) {
			rows.add(new Row(at(kinds, i), at(texts, i), at(options, i)));
		}
		List<Integer> rowOf = new ArrayList<>(); // the form's row (1-based) of each question given
		List<SurveyTemplates.QuestionInput> questions = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			if (!r.blank()) {
				rowOf.add(i + 1);
				List<String> opts = r.options() == null ? List.of()
						: Arrays.stream(r.options().split("\\R")).filter(o -> !o.isBlank()).map(String::strip).toList();
				questions.add(new SurveyTemplates.QuestionInput(r.kind(), r.text(), opts));
			}
		}
		var input = new SurveyTemplates.TemplateInput(name, autoSend, questions);
		try {
			SurveyTemplates.Template saved = id == null ? templates.create(input) : templates.edit(id, input);
			redirect.addFlashAttribute("savedTemplate", saved.name() + " v" + saved.version());
			return "redirect:/voice/surveys/campaigns#templates";
		} catch (ValidationException e) {
			if (id != null) {
				m.addAttribute("template", templates.get(id));
			}
			return form(m, new Form(id, name, autoSend, rows(rows)), rowsNamed(e.violations(), rowOf));
		}
	}

	private String form(Model m, Form f, List<Violation> errors) {
		m.addAttribute("f", f);
		m.addAttribute("kinds", QuestionKind.values());
		if (errors != null) {
			m.addAttribute("errors", Messages.render(messages, errors));
		}
		return "voice/survey-template";
	}

	/** The rows given, without trailing blank ones, plus the spare rows (at most the template's maximum). */
	private static List<Row> rows(List<Row> given) {
		List<Row> rows = new ArrayList<>(given);
		while (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
			rows.remove(rows.size() - 1);
		}
		for (int i = 0; i < SPARE_ROWS && rows.size() < SurveyTemplates.MAX_QUESTIONS; i++) {
			rows.add(new Row("", "", ""));
		}
		return rows;
	}

	/** {@code questions[i].text} becomes row n · 问题 (n: the row on the form). */
	private static List<Violation> rowsNamed(List<Violation> violations, List<Integer> rowOf) {
		return violations.stream().map(v -> {
			Matcher x = v.field() == null ? null : QUESTION_FIELD.matcher(v.field());
			if (x == null || !x.matches()) {
				return v;
			}
			int i = Integer.parseInt(x.group(1));
			return Violation.row(i < rowOf.size() ? rowOf.get(i) : i + 1, "question." + x.group(2), v.code(), v.args());
		}).toList();
	}

	private static int size(List<String> l) {
		return l == null ? 0 : l.size();
	}

	private static String at(List<String> l, int i) {
		return l == null || i >= l.size() ? null : l.get(i);
	}
}
