package com.kcm.shared.demo;

/**
 * One module's demo data. Every implementation is a bean, ordered with {@link org.springframework.core.annotation.Order}
 * (modules' demo data builds on the data of lower orders); {@link DemoDataLoader} calls them at start-up, in that
 * order, when {@code kcm.demo=true} ({@code KCM_DEMO}). Each load leaves a database that already holds its data
 * alone.
 * <p>
 * The switch is read when the application starts, not when its beans are chosen: the AOT-processed start
 * (ADR 0005) fixes the set of beans when it is built, so a condition on {@code kcm.demo} would be decided by the
 * build machine, not by the server.
 */
public interface DemoData {

	void loadDemo();
}
