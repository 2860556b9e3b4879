package org.lectern.people.profile;

import java.util.List;

/** One page of a listing, with what it takes to ask for the next. */
public record Page<T>(List<T> items, int offset, int limit, long total) {
}
