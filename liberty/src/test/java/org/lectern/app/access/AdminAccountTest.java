package org.lectern.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountTest {

    @TempDir
    Path serverOutput;

    AdminAccount account(Optional<String> password) {
        AdminAccount account = new AdminAccount();
        account.name = "admin";
        account.configuredPassword = password;
        account.passwordFile = serverOutput.resolve("admin-password").toString();
        account.resolvePassword();
        return account;
    }

    @Test
    void theConfiguredPasswordIsTheOnlyOneAcceptedAndNothingIsWritten() {
        AdminAccount admin = account(Optional.of("from-the-environment"));
        assertTrue(admin.matches("admin", "from-the-environment"));
        assertFalse(admin.matches("admin", "from-the-environment "));
        assertFalse(admin.matches("root", "from-the-environment"));
        assertFalse(Files.exists(serverOutput.resolve("admin-password")));
    }

    @Test
    void withoutOneAPasswordIsGeneratedOnceKeptForTheOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        account(Optional.empty());
        Path file = serverOutput.resolve("admin-password");
        String generated = Files.readString(file).strip();
        assertTrue(generated.length() >= 20, generated);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AdminAccount restarted = account(Optional.of(" "));
        assertTrue(restarted.matches("admin", generated), "a blank setting counts as unset");
        assertEquals(generated, Files.readString(file).strip(), "not generated again");
    }
}
