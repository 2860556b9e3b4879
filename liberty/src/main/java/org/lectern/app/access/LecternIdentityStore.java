package org.lectern.app.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Checks a name and password: the admin account from the environment first, then the users admins created. */
@ApplicationScoped
public class LecternIdentityStore implements IdentityStore {

    @Inject
    AdminAccount admin;

    @Inject
    Accounts accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = credential.getCaller();
        String password = credential.getPasswordAsString();
        if (admin.matches(name, password)) {
            return new CredentialValidationResult(name, Role.admin.groups());
        }
        if (name.equals(admin.name())) {
            // the environment's admin is never shadowed by a stored user of the same name; a wrong
            // password for it takes as long as for any other name
            accounts.checkAgainstDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Role> role = accounts.check(name, password);
        return role.map(r -> new CredentialValidationResult(name, r.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
