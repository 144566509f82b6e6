package io.tally.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of a Tally service, checked against its compiled main classes (DESIGN.md "Inside a service").
 * A service is cut into feature slices, one package per capability directly under its base package, plus
 * {@code config} for wiring:
 * <ul>
 *   <li>slices do not import each other in a circle;</li>
 *   <li>a slice never reaches into {@code config}: wiring depends on slices, not the other way round;</li>
 *   <li>a controller maps HTTP to a command or a query and back: it never touches a database, the event store,
 *       a password encoder or another controller;</li>
 *   <li>internals are package-private: a public type of a slice is used from outside its package (a type
 *       that publishes constants is exempt: javac copies a constant into the class that reads it, so that
 *       use is invisible in the compiled classes).</li>
 * </ul>
 * Every rule is evaluated, and one failure lists every violation.
 */
public final class ServiceStructure {

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final Set<String> STORAGE_AND_SECRETS = Set.of(
            "javax.sql.DataSource",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.transaction.support.TransactionTemplate",
            "org.axonframework.eventsourcing.eventstore.EventStore",
            "org.axonframework.eventsourcing.eventstore.EventStorageEngine",
            "org.springframework.security.crypto.password.PasswordEncoder");

    private ServiceStructure() {
    }

    /** The main classes of the service under {@code basePackage}, tests left out. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Every house rule for the service under {@code basePackage}. */
    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                slices().matching(basePackage + ".(*)..").namingSlices("$1")
                        .as("the slices of " + basePackage)
                        .should().beFreeOfCycles(),
                noClasses().that().resideOutsideOfPackage(basePackage + ".config..")
                        .should().dependOnClassesThat().resideInAPackage(basePackage + ".config..")
                        .as("slices never depend on " + basePackage + ".config (wiring only)")
                        .allowEmptyShould(true),
                noClasses().that().areAnnotatedWith(REST_CONTROLLER)
                        .should().dependOnClassesThat(storageOrSecrets())
                        .as("controllers never touch a database, the event store or a password encoder")
                        .allowEmptyShould(true),
                noClasses().that().areNotAnnotatedWith(REST_CONTROLLER)
                        .should().dependOnClassesThat().areAnnotatedWith(REST_CONTROLLER)
                        .as("nothing depends on a controller")
                        .allowEmptyShould(true),
                classes().that().resideInAPackage(basePackage + ".*..")
                        .and().areTopLevelClasses()
                        .and().haveModifier(JavaModifier.PUBLIC)
                        .and().areNotAnnotatedWith(SPRING_BOOT_APPLICATION)
                        .should(beUsedOutsideTheirPackage())
                        .as("a public type of a slice is used outside its package (internals are package-private)")
                        .allowEmptyShould(true));
    }

    /** Checks every rule and fails once, listing every violation of every rule. */
    public static void verify(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found under " + basePackage);
        }
        String report = rules(basePackage).stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n\n"));
        if (!report.isEmpty()) {
            throw new AssertionError(report);
        }
    }

    private static DescribedPredicate<JavaClass> storageOrSecrets() {
        return new DescribedPredicate<>("are a database, the event store or a password encoder") {
            @Override
            public boolean test(JavaClass type) {
                return STORAGE_AND_SECRETS.stream().anyMatch(type::isAssignableTo)
                        || type.isAnnotatedWith("org.springframework.stereotype.Repository");
            }
        };
    }

    /** A nested type's use outside is a use of the type that holds it, which must then be public too. */
    private static JavaClass topLevelOf(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }

    private static boolean publishesConstants(JavaClass type) {
        return type.getFields().stream().anyMatch(field -> field.getModifiers().containsAll(
                Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class)));
    }

    private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
        return new ArchCondition<>("be used outside their package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usedOutside = type.getPackage().getClasses().stream()
                        .filter(member -> topLevelOf(member).equals(type))
                        .flatMap(member -> member.getDirectDependenciesToSelf().stream())
                        .map(Dependency::getOriginClass)
                        .map(origin -> origin.getPackageName())
                        .anyMatch(origin -> !origin.equals(type.getPackageName()));
                if (!usedOutside && !publishesConstants(type)) {
                    events.add(SimpleConditionEvent.violated(type,
                            type.getName() + " is public but used only inside " + type.getPackageName()
                                    + ": make it package-private"));
                }
            }
        };
    }
}
