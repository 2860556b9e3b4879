package org.lectern.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DESIGN.md as ArchUnit rules, for a root package (org.lectern in the build,
 * a fixture package in the test that proves the rules catch a violation).
 *
 * <ul>
 * <li>A module may use another module only through that module's {@code api} package, and only
 *     along the allowed edges: events → people; publishing → events, people.</li>
 * <li>The WAR's own code ({@code app}) may use any module's {@code api}, nothing internal.</li>
 * <li>No module depends on the WAR's code, and there are no cycles between modules.</li>
 * </ul>
 */
final class ModuleRules {

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "people", Set.of(),
            "events", Set.of("people"),
            "publishing", Set.of("events", "people"));

    private ModuleRules() {
    }

    static List<ArchRule> of(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            List<String> permitted = new ArrayList<>();
            permitted.add(root + "." + module + "..");
            ALLOWED.get(module).forEach(other -> permitted.add(root + "." + other + ".api.."));
            rules.add(noClasses().that().resideInAPackage(root + "." + module + "..")
                    .should().dependOnClassesThat(resideInAPackage(root + "..")
                            .and(not(resideInAnyPackage(permitted.toArray(String[]::new)))))
                    .as(module + " uses only itself and the api of " + ALLOWED.get(module))
                    .allowEmptyShould(true));
        }
        rules.add(noClasses().that().resideInAPackage(root + ".app..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAnyPackage(root + ".app..", root + ".*.api.."))))
                .as("the WAR's code uses only the modules' api")
                .allowEmptyShould(true));
        rules.add(noClasses().that().resideOutsideOfPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .as("no module depends on the WAR's code")
                .allowEmptyShould(true));
        rules.add(slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("modules are free of cycles")
                .allowEmptyShould(true));
        return rules;
    }
}
