/**
 * Reading frab conference schedules ({@code schedule.xml} and {@code schedule.json}, as written by
 * frab, pretalx, wafer and the merged CCC schedules) into a neutral in-memory model:
 * {@link org.lectern.events.frab.FrabReader#read(byte[])} gives a
 * {@link org.lectern.events.frab.FrabSchedule}. Internal to the events module.
 *
 * <p>The reader is tolerant of what real files lack (versions, guids, licences, whitespace) and
 * strict about what would make the result wrong (unparseable times and durations), and it refuses
 * any XML with a DOCTYPE, so entities are never expanded and nothing external is ever fetched.
 */
package org.lectern.events.frab;
