package news.dispatch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * One-way packages (docs/decisions/095): no two top-level packages under news.dispatch depend on each other,
 * directly or through others, and the kernel depends on no feature. The layers, lowest first: common and text;
 * web (the HTTP kernel); ops, access, cache (kernel services, in that order); taxonomy (docs/decisions/096);
 * section, tag, byline; article;
 * change; syndication; then search, front, live, alert, image, mostread, replica and sample.
 */
@AnalyzeClasses(packages = "news.dispatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] KERNEL = {"news.dispatch.common..", "news.dispatch.text..", "news.dispatch.web.."};

    private static final String[] KERNEL_AND_SERVICES = {"news.dispatch.common..", "news.dispatch.text..",
            "news.dispatch.web..", "news.dispatch.ops..", "news.dispatch.access..", "news.dispatch.cache.."};

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("news.dispatch.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule kernelDependsOnNoFeature = noClasses().that().resideInAnyPackage(KERNEL)
            .should().dependOnClassesThat(resideInAPackage("news.dispatch..").and(resideOutsideOfPackages(KERNEL)))
            .because("common, text and web are the kernel every feature builds on");

    @ArchTest
    static final ArchRule kernelServicesDependOnNoFeature = noClasses().that()
            .resideInAnyPackage("news.dispatch.ops..", "news.dispatch.access..", "news.dispatch.cache..")
            .should().dependOnClassesThat(resideInAPackage("news.dispatch..").and(resideOutsideOfPackages(KERNEL_AND_SERVICES)))
            .because("operations, access rules and the application cache serve every feature and know none of them");
}
