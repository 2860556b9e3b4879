/**
 * What the events module publishes to the rest of Lectern: {@link org.lectern.events.api.EventChanged}
 * on the {@code lectern.events} topic, and {@link org.lectern.events.api.EventCatalog}, the read-only
 * view of published events. Drafts never leave the module through this package.
 */
package org.lectern.events.api;
