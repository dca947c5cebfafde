package com.kcm.voice.survey;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.kcm.assessment.FiguresBesideIndicators;

/**
 * A dealer's survey results of the month beside its §5 indicators on the statement page (SPEC §7.4): sent, answered,
 * response rate, the average of each score question and the NPS. They change no indicator.
 */
@Component
class SurveyFiguresFromResults implements FiguresBesideIndicators {

	private final SurveyResults results;
	private final MessageSource messages;

	SurveyFiguresFromResults(SurveyResults results, MessageSource messages) {
		this.results = results;
		this.messages = messages;
	}

	@Override
	public Section of(long dealerId, YearMonth month) {
		Locale l = LocaleContextHolder.getLocale();
		SurveyResults.DealerMonth d = results.dealerMonth(dealerId, month);
		List<Figure> f = new ArrayList<>();
		f.add(new Figure(messages.getMessage("survey.col.sent", null, l), String.valueOf(d.sent())));
		f.add(new Figure(messages.getMessage("survey.col.answered", null, l), String.valueOf(d.answered())));
		NumberFormat pct = NumberFormat.getPercentInstance(l);
		pct.setMaximumFractionDigits(1);
		f.add(new Figure(messages.getMessage("survey.col.responseRate", null, l),
				d.responseRate() == null ? "—" : pct.format(d.responseRate())));
		d.averages().forEach((q, avg) -> f.add(new Figure(q, avg.toPlainString())));
		f.add(new Figure(messages.getMessage("survey.col.nps", null, l), d.nps() == null ? "—" : d.nps().toPlainString()));
		return new Section("statement-surveys", messages.getMessage("survey.results.beside", null, l), f);
	}
}
