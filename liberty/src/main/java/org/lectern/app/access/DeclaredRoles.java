package org.lectern.app.access;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.lectern.app.problems.Problem;

/**
 * Enforces the roles each resource method declares ({@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll}, on the method or else on its class), after the request was matched to its method,
 * so no spelling of the path (a trailing slash, doubled or encoded characters) can reach a method
 * its roles do not allow. A method that declares nothing is refused: access is granted only where
 * it is written down. {@code web.xml} stays the outer wall (a login for {@code /api/*}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class DeclaredRoles implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(DeclaredRoles.class.getName());
    private static final String CHALLENGE = "Basic realm=\"Lectern\", charset=\"UTF-8\"";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // nothing matched: JAX-RS answers 404 or 405 itself
        }
        AnnotatedElement declaring = declaring(method, resource.getResourceClass());
        if (declaring == null || declaring.isAnnotationPresent(DenyAll.class)) {
            if (declaring == null) {
                LOG.warning(() -> "Refused " + method + ": it declares no roles (add @RolesAllowed or @PermitAll)");
            }
            request.abortWith(Problem.of(403, "Forbidden", "This operation is not open to anyone."));
            return;
        }
        if (declaring.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        String[] allowed = declaring.getAnnotation(RolesAllowed.class).value();
        if (security.getUserPrincipal() == null) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problem.of(401, "Authentication required",
                    "This resource needs an editor's or admin's login (HTTP Basic).")).header("WWW-Authenticate", CHALLENGE).build());
        } else if (Arrays.stream(allowed).noneMatch(security::isUserInRole)) {
            request.abortWith(Problem.of(403, "Forbidden", "This needs the role " + String.join(" or ", allowed) + "."));
        }
    }

    /**
     * The method when it declares access itself, else its class when that does, else null. CDI may
     * hand JAX-RS a proxy subclass, so the class the project wrote is looked up above it.
     */
    static AnnotatedElement declaring(Method method, Class<?> resourceClass) {
        Class<?> type = resourceClass != null ? resourceClass : method.getDeclaringClass();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method written = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (declares(written)) {
                    return written;
                }
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
            if (declares(c)) {
                return c;
            }
        }
        return declares(method) ? method : null;
    }

    private static boolean declares(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }
}
