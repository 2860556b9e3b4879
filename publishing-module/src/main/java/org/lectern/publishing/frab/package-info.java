/**
 * The frab schedule export ({@code schedule.xml}, {@code schedule.json}) that conference apps such
 * as Giggity, EventFahrplan and ConfClerk read. {@link org.lectern.publishing.frab.ScheduleExport}
 * is the entry point; the files are strictly valid against the c3voc schemas in
 * {@code shared/schemas}, and the same event always gives the same bytes.
 */
package org.lectern.publishing.frab;
