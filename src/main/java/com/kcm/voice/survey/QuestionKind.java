package com.kcm.voice.survey;

/** The kinds of survey question (SPEC §7.4). */
enum QuestionKind {
	SCORE_1_5, NPS_0_10, CHOICE, TEXT
}
