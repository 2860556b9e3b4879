package org.lectern.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    /** Every rule's violations, one rule's report after another; empty when all rules hold. */
    static String violations(String root, JavaClasses classes) {
        List<ArchRule> rules = ModuleRules.of(root);
        return rules.stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void lecternKeepsItsModuleBoundaries() {
        JavaClasses lectern = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lectern");
        // the three modules and the WAR's own code are all on this module's class path
        for (String module : new String[] {"people", "events", "publishing", "app"}) {
            assertTrue(lectern.containPackage("org.lectern." + module), "no classes of " + module + " imported");
        }
        assertEquals("", violations("org.lectern", lectern));
    }

    /** The rules are only worth something if they fail: the fixture breaks them on purpose. */
    @Test
    void theRulesCatchReachingIntoInternalsAForbiddenDirectionAndACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.lectern.archfixture");
        String report = violations("org.lectern.archfixture", fixture);
        assertFalse(report.isEmpty());
        // publishing → events internals
        assertTrue(report.contains("RendersTheProgram.render(org.lectern.archfixture.events.api.EventFacts, "
                + "org.lectern.archfixture.events.program.ProgramInternals)"), report);
        // people → events (not an allowed edge, even through the api)
        assertTrue(report.contains("Rule 'people uses only itself and the api of []' was violated"), report);
        // events → people internals, closing a cycle with the edge above
        assertTrue(report.contains("Rule 'events uses only itself and the api of [people]' was violated"), report);
        assertTrue(report.contains("Rule 'modules are free of cycles' was violated"), report);
        // the allowed use of the events api is not reported
        assertFalse(report.contains("RendersTheProgram.render(org.lectern.archfixture.events.api.EventFacts) "), report);
    }
}
