package com.kcm.assessment;

import java.time.YearMonth;
import java.util.List;

/**
 * Figures other modules show beside a dealer's §5 indicators of a month on the statement page (e.g. the voice
 * module's satisfaction surveys, SPEC §7.4) — information only: they change no indicator. A module contributes a
 * bean; labels and values come ready to show (in the reader's language).
 */
public interface FiguresBesideIndicators {

	/** One figure: its label and value as shown. */
	record Figure(String label, String value) {
	}

	/** A titled group of figures; {@code id} names it on the page. */
	record Section(String id, String title, List<Figure> figures) {
	}

	Section of(long dealerId, YearMonth month);
}
