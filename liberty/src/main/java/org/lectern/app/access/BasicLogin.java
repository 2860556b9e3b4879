package org.lectern.app.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
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
 * HTTP Basic for the admin API, with what the container's own Basic mechanism lacks. Failed logins
 * are throttled ({@code 429} with {@code Retry-After}) per account and address, so that guesses at
 * one account never lock out another behind the same address, and per address with a tenfold limit
 * against guessing many accounts; each attempt is counted before its password is checked.
 * Refusals are problem details like every other error, and refused writes are in the audit trail.
 * Basic over plain HTTP is refused from other machines ({@code lectern.login.require.https}). Paths
 * that need no login (the site, feeds, exports, health) pass untouched, credentials or not: the
 * site has no use for them, and a wrong password there is no failed login.
 */
@ApplicationScoped
public class BasicLogin implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BasicLogin.class.getName());
    private static final String CHALLENGE = "Basic realm=\"Lectern\", charset=\"UTF-8\"";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** How many more failures an address may have over all accounts than over one. */
    static final int ADDRESS_FACTOR = 10;

    @Inject
    IdentityStoreHandler identities;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "lectern.login.max.failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "lectern.login.window.seconds", defaultValue = "60")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "lectern.login.require.https", defaultValue = "true")
    boolean requireHttps;

    private LoginThrottle perAccount;
    private LoginThrottle perAddress;

    @PostConstruct
    void setUp() {
        perAccount = new LoginThrottle(maxFailures, Duration.ofSeconds(windowSeconds), Clock.systemUTC());
        perAddress = new LoginThrottle(maxFailures * ADDRESS_FACTOR, Duration.ofSeconds(windowSeconds), Clock.systemUTC());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return refuse(request, response, 401, "Authentication required",
                    "This resource needs an editor's or admin's login (HTTP Basic).");
        }
        String client = request.getRemoteAddr();
        if (requireHttps && !request.isSecure() && !loopback(client)) {
            return refuse(request, response, 403, "HTTPS required",
                    "Logins are accepted over HTTPS only (port 9443 by default); change the password if it was sent.");
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        String account = credential == null ? "" : credential.getCaller();
        Optional<LoginThrottle.Attempt> forAccount = perAccount.begin(client + " " + account);
        Optional<LoginThrottle.Attempt> forAddress = forAccount.isEmpty() ? Optional.empty() : perAddress.begin(client);
        if (forAddress.isEmpty()) {
            forAccount.ifPresent(perAccount::succeeded); // not tried, so not failed
            Duration wait = perAccount.waitFor(client + " " + account).plus(perAddress.waitFor(client));
            long seconds = Math.max(1, wait.toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            return refuse(request, response, 429, "Too many failed logins",
                    "Too many failed logins from this address; try again in " + seconds + " s.");
        }
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = identities.validate(credential);
            } catch (RuntimeException e) {
                // not checked (the database is down, say): no failure, and the places are given back
                perAccount.succeeded(forAccount.get());
                perAddress.succeeded(forAddress.get());
                throw e;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                perAccount.succeeded(forAccount.get());
                perAddress.succeeded(forAddress.get());
                return context.notifyContainerAboutLogin(result);
            }
        }
        perAccount.failed(forAccount.get());
        perAddress.failed(forAddress.get());
        LOG.warning(() -> "Failed login from " + client + " as '" + LogText.of(account, 100) + "'");
        return refuse(request, response, 401, "Authentication failed", "The name or password is wrong.");
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
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

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String title, String detail) {
        if (WRITES.contains(request.getMethod())) {
            recordRefusal(request, status);
        }
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

    /** A write refused before it reached the API is in the audit trail too, as anonymous (no login passed). */
    private void recordRefusal(HttpServletRequest request, int status) {
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        try {
            audit.record(new AuditEntry(Instant.now(), "(anonymous)", request.getMethod(), LogText.of(path, 1024), status,
                    LogText.of(request.getHeader("If-Match"), 128), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the refused " + request.getMethod() + " " + LogText.of(path, 200), e);
        }
    }
}
