package org.lectern.app.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lectern.app.problems.Problem;

/**
 * HTTP Basic for the admin API, with two things the container's own Basic mechanism lacks: failed
 * logins are throttled per client address ({@code 429} with {@code Retry-After}), and refusals are
 * problem details like every other error. Requests without credentials to unprotected paths (the
 * site, feeds, health) pass untouched.
 */
@ApplicationScoped
public class BasicLogin implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BasicLogin.class.getName());
    private static final String CHALLENGE = "Basic realm=\"Lectern\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    @ConfigProperty(name = "lectern.login.max.failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "lectern.login.window.seconds", defaultValue = "60")
    int windowSeconds;

    private LoginThrottle throttle;

    @PostConstruct
    void setUp() {
        throttle = new LoginThrottle(maxFailures, Duration.ofSeconds(windowSeconds), Clock.systemUTC());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? refuse(response, context, 401, "Authentication required",
                    "This resource needs an editor's or admin's login (HTTP Basic).") : context.doNothing();
        }
        String client = request.getRemoteAddr();
        Duration wait = throttle.waitFor(client);
        if (!wait.isZero()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + 1)));
            return refuse(response, context, 429, "Too many failed logins",
                    "Too many failed logins from this address; try again in " + Math.max(1, wait.toSeconds() + 1) + " s.");
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        if (credential != null) {
            CredentialValidationResult result = identities.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        throttle.failed(client);
        LOG.warning(() -> "Failed login from " + client + " as '" + (credential == null ? "?" : credential.getCaller()) + "'");
        return refuse(response, context, 401, "Authentication failed", "The name or password is wrong.");
    }

    private static UsernamePasswordCredential decode(String token) {
        try {
            String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
            String title, String detail) {
        try {
            if (status == 401) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank").add("title", title)
                    .add("status", status).add("detail", detail).build().toString());
        } catch (IOException e) {
            LOG.fine(() -> "Could not write the refusal: " + e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
