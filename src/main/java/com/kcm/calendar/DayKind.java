package com.kcm.calendar;

/** An exception to the Monday–Friday rule, as stored in the calendar. */
enum DayKind {
	/** 法定节假日: not a working day, whatever the weekday. */
	HOLIDAY,
	/** 调休上班日: a Saturday or Sunday that is a working day. */
	MAKEUP_WORKDAY
}
