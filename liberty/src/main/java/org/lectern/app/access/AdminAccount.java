package org.lectern.app.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one account that exists before anyone has created users: {@code LECTERN_ADMIN_USER}
 * (default {@code admin}) with {@code LECTERN_ADMIN_PASSWORD}. When no password is configured, one
 * is generated at the first start, printed once to the log and kept in
 * {@code lectern.admin.password.file} (under the server's output directory, readable by its owner
 * only), so later starts use the same one and never print it again.
 */
@ApplicationScoped
public class AdminAccount {

    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

    @Inject
    @ConfigProperty(name = "lectern.admin.user", defaultValue = "admin")
    String name;

    @Inject
    @ConfigProperty(name = "lectern.admin.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "lectern.admin.password.file", defaultValue = "admin-password")
    String passwordFile;

    private byte[] passwordDigest;

    /** At start, so a generated password is in the log before anyone needs it. */
    void atStart(@Observes Startup start) {
        name();
    }

    @PostConstruct
    void resolvePassword() {
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(this::generatedPassword);
        passwordDigest = digest(password);
    }

    public String name() {
        return name;
    }

    /** Compares in constant time, so the time taken says nothing about how much of it matched. */
    public boolean matches(String user, String password) {
        return name.equals(user) && MessageDigest.isEqual(passwordDigest, digest(password));
    }

    private String generatedPassword() {
        Path file = Path.of(passwordFile);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            ownerOnly(file);
            LOG.warning(() -> "LECTERN_ADMIN_PASSWORD is not set: generated a password for the admin user '" + name
                    + "': " + password + "  (shown once; kept in " + file.toAbsolutePath()
                    + "; set LECTERN_ADMIN_PASSWORD to choose your own)");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated admin password in " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the server's output directory's own permissions apply
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
