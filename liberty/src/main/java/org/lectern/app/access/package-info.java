/**
 * Who may use the admin API: HTTP Basic logins checked against the admin account from the
 * environment and the users admins create, failed logins throttled per client, and the audit
 * trail of every admin write. The URL constraints themselves (which path needs which role) are in
 * {@code WEB-INF/web.xml}, where a reader sees them all at once.
 */
package org.lectern.app.access;
