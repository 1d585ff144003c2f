package com.exqress.waybill;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain module stays free of infrastructure: no Spring, JDBC, Kafka or Jackson. */
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.exqress.waybill");

    @Test
    void domainDependsOnNoInfrastructure() {
        ArchRule rule = noClasses().that().resideInAPackage("com.exqress.waybill..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "org.apache.kafka..",
                        "org.axonframework.spring..",
                        "com.fasterxml.jackson..");

        rule.check(DOMAIN);
    }
}
