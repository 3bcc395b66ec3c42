package org.councilflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layout of DEVELOPERS.md, checked: features as modules, Flowable and Vaadin only at their edges. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(CouncilFlowApplication.class);
    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.councilflow");

    @Test
    void featuresTalkOnlyThroughTheirPublicApi() {
        modules.verify();
    }

    @Test
    void domainCodeDoesNotDependOnFlowable() {
        noClasses().that().resideOutsideOfPackages("..process..", "org.councilflow.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.flowable..")
                .because("BPMN calls our beans; our domain never calls the engine directly")
                .check(classes);
    }

    @Test
    void domainCodeDoesNotDependOnVaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().doNotHaveFullyQualifiedName(CouncilFlowApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("views are thin and sit in ui packages; services know nothing of the UI")
                .check(classes);
    }
}
