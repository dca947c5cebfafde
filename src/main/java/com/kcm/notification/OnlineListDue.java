package com.kcm.notification;

import java.time.LocalDate;

/** The periodic list of open online complaints of a region is due for the period starting on that date. */
record OnlineListDue(long regionId, LocalDate periodStart, int periodDays) {
}
