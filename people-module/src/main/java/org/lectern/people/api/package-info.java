/**
 * What the people module publishes to the rest of Lectern: the messages it sends on the
 * {@code lectern.people} topic and a read-only {@link org.lectern.people.api.PeopleDirectory}.
 * Views never carry a person's email: nothing outside this module may publish it.
 */
package org.lectern.people.api;
