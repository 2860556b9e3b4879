package org.lectern.app.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lectern.app.problems.Problem;

/**
 * {@code /api/users} (admins only, see web.xml): the editors and further admins who may log in.
 * Passwords go in, never out; the admin account from the environment is not listed here and
 * cannot be replaced through it.
 */
@RolesAllowed("admin")
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    /** What an admin sends: all fields for a new user, any of role and password for a change. */
    public record UserInput(String name, String role, String password) {

        /** What a user's GET ({@link UserView}) adds: read-only, ignored when sent back. */
        public static final java.util.List<String> READ_ONLY_FIELDS = java.util.List.of("createdAt");
    }

    public record UserView(String name, Role role, Instant createdAt) {
        static UserView of(Account account) {
            return new UserView(account.name(), account.role(), account.createdAt());
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    AdminAccount admin;

    @GET
    public List<UserView> list() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{name}")
    public Response one(@PathParam("name") String name) {
        return accounts.find(name).map(a -> Response.ok(UserView.of(a)).build()).orElseGet(() -> notFound(name));
    }

    @POST
    public Response create(UserInput input) {
        List<Map<String, String>> errors = new ArrayList<>();
        String name = input == null ? null : input.name();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(error("name", "1 to 64 of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit"));
        } else if (name.equals(admin.name())) {
            errors.add(error("name", "is the admin account from the environment"));
        }
        Role role = role(input == null ? null : input.role(), true, errors);
        checkPassword(input == null ? null : input.password(), true, errors);
        if (!errors.isEmpty()) {
            return Problem.invalid(errors);
        }
        if (accounts.find(name).isPresent()) {
            return Problem.of(409, "Conflict", "A user named '" + name + "' exists.");
        }
        Account created = accounts.create(name, role, input.password());
        return Response.created(URI.create("api/users/" + name)).entity(UserView.of(created)).build();
    }

    @PUT
    @Path("{name}")
    public Response update(@PathParam("name") String name, UserInput input) {
        List<Map<String, String>> errors = new ArrayList<>();
        Role role = role(input == null ? null : input.role(), false, errors);
        checkPassword(input == null ? null : input.password(), false, errors);
        if (!errors.isEmpty()) {
            return Problem.invalid(errors);
        }
        return accounts.update(name, role, input == null ? null : input.password())
                .map(a -> Response.ok(UserView.of(a)).build()).orElseGet(() -> notFound(name));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        return accounts.delete(name) ? Response.noContent().build() : notFound(name);
    }

    private static Role role(String value, boolean required, List<Map<String, String>> errors) {
        if (value == null) {
            if (required) {
                errors.add(error("role", "is required: editor or admin"));
            }
            return null;
        }
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(error("role", "must be editor or admin"));
            return null;
        }
    }

    private static void checkPassword(String password, boolean required, List<Map<String, String>> errors) {
        if (password == null) {
            if (required) {
                errors.add(error("password", "is required"));
            }
        } else if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.add(error("password", "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters"));
        } else if (password.codePoints().distinct().count() == 1) {
            errors.add(error("password", "must not be one character repeated"));
        } else if (COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add(error("password", "is one of the passwords guessed first; choose another"));
        }
    }

    /** The passwords guessing tools try first (a resource file of this package), lower case. */
    static final Set<String> COMMON_PASSWORDS = commonPasswords();

    private static Set<String> commonPasswords() {
        try (InputStream in = UsersResource.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing beside UsersResource");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static Response notFound(String name) {
        return Problem.of(404, "Not Found", "No user named '" + name + "'.");
    }
}
