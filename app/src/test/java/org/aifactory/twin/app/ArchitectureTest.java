package org.aifactory.twin.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layers, enforced: the model knows no solver, UI or app; solvers know only the model (no
 * JavaFX, no other solver); the UI computes no physics (it imports no solver); only the app's
 * command line writes to the console.
 */
@AnalyzeClasses(packages = "org.aifactory.twin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String MODEL = "org.aifactory.twin.model..";
    private static final String[] SOLVERS = {
        "org.aifactory.twin.thermal..",
        "org.aifactory.twin.power..",
        "org.aifactory.twin.network..",
        "org.aifactory.twin.serving.."
    };

    @ArchTest
    static final ArchRule modelImportsNothingAboveIt = noClasses()
            .that()
            .resideInAPackage(MODEL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(
                    SOLVERS,
                    "org.aifactory.twin.ui..",
                    "org.aifactory.twin.app..",
                    "org.aifactory.twin.samples..",
                    "javafx..",
                    "org.fxyz3d.."));

    @ArchTest
    static final ArchRule thermalDependsOnModelOnly = solverRule("org.aifactory.twin.thermal..");

    @ArchTest
    static final ArchRule powerDependsOnModelOnly = solverRule("org.aifactory.twin.power..");

    @ArchTest
    static final ArchRule networkDependsOnModelOnly = solverRule("org.aifactory.twin.network..");

    @ArchTest
    static final ArchRule servingDependsOnModelOnly = solverRule("org.aifactory.twin.serving..");

    @ArchTest
    static final ArchRule uiComputesNoPhysics = noClasses()
            .that()
            .resideInAPackage("org.aifactory.twin.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(SOLVERS, "org.aifactory.twin.app.."));

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToTheConsole = noClasses()
            .that()
            .resideOutsideOfPackage("org.aifactory.twin.app..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    private static ArchRule solverRule(String solver) {
        String[] others =
                java.util.Arrays.stream(SOLVERS).filter(s -> !s.equals(solver)).toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(solver)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(
                        others,
                        "javafx..",
                        "org.fxyz3d..",
                        "org.aifactory.twin.ui..",
                        "org.aifactory.twin.app..",
                        "org.aifactory.twin.samples.."))
                .allowEmptyShould(true);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
