/** What every HTTP answer gets regardless of module: security headers and request body limits. */
package org.lectern.app.web;
