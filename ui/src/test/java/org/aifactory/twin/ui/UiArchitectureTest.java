package org.aifactory.twin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The UI shows and edits the model; it never computes physics, and it logs instead of printing. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.aifactory.twin.ui");

    @Test
    void uiDoesNotUseTheSolvers() {
        noClasses()
                .that()
                .resideInAPackage("org.aifactory.twin.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.aifactory.twin.thermal..",
                        "org.aifactory.twin.power..",
                        "org.aifactory.twin.network..",
                        "org.aifactory.twin.serving..")
                .check(UI);
    }

    @Test
    void mainCodeDoesNotPrint() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(UI);
    }

    @Test
    void the3dSceneKnowsNothingOfTheWindow() {
        noClasses()
                .that()
                .resideInAPackage("org.aifactory.twin.ui.scene..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.aifactory.twin.ui")
                .check(UI);
    }
}
