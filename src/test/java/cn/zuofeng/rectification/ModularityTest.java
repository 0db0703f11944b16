package cn.zuofeng.rectification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of DESIGN.md: {@code calendar} and {@code notice} know no other
 * feature; {@code ledger} knows only {@code calendar}; {@code supervision}, {@code audit} and
 * {@code statistics} build on the ledger; nothing but the web layer and the glue depends on
 * {@code workflow}, and no feature depends on the web layer.
 */
class ModularityTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importApplication() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.zuofeng.rectification");
  }

  private static final String BASE = "cn.zuofeng.rectification.";

  private static String[] packages(String... features) {
    String[] names = new String[features.length];
    for (int i = 0; i < features.length; i++) {
      names[i] = BASE + features[i] + "..";
    }
    return names;
  }

  @Test
  void calendarKnowsNoOtherFeature() {
    CALENDARKNOWSNOOTHERFEATURE.check(classes);
  }

  private static final ArchRule CALENDARKNOWSNOOTHERFEATURE = noClasses().that().resideInAPackage(BASE + "calendar..")
      .should().dependOnClassesThat().resideInAnyPackage(
          packages("ledger", "notice", "supervision", "audit", "statistics", "workflow", "security", "web", "demo", "operations"));

  @Test
  void noticeKnowsNoOtherFeature() {
    NOTICEKNOWSNOOTHERFEATURE.check(classes);
  }

  private static final ArchRule NOTICEKNOWSNOOTHERFEATURE = noClasses().that().resideInAPackage(BASE + "notice..")
      .should().dependOnClassesThat().resideInAnyPackage(
          packages("ledger", "calendar", "supervision", "audit", "statistics", "workflow", "security", "web", "demo", "operations"));

  @Test
  void ledgerKnowsOnlyTheCalendar() {
    LEDGERKNOWSONLYTHECALENDAR.check(classes);
  }

  private static final ArchRule LEDGERKNOWSONLYTHECALENDAR = noClasses().that().resideInAPackage(BASE + "ledger..")
      .should().dependOnClassesThat().resideInAnyPackage(
          packages("notice", "supervision", "audit", "statistics", "workflow", "security", "web", "demo", "operations"));

  @Test
  void supervisionAndAuditBuildOnTheLedgerOnly() {
    SUPERVISIONANDAUDITBUILDONTHELEDGERONLY.check(classes);
  }

  private static final ArchRule SUPERVISIONANDAUDITBUILDONTHELEDGERONLY = noClasses()
      .that().resideInAnyPackage(packages("supervision", "audit"))
      .should().dependOnClassesThat().resideInAnyPackage(packages("workflow", "security", "web", "demo", "operations"));

  @Test
  void statisticsBuildOnTheLedgerOnly() {
    STATISTICSBUILDONTHELEDGERONLY.check(classes);
  }

  private static final ArchRule STATISTICSBUILDONTHELEDGERONLY = noClasses().that().resideInAPackage(BASE + "statistics..")
      .should().dependOnClassesThat().resideInAnyPackage(
          packages("notice", "supervision", "audit", "workflow", "security", "web", "demo", "operations"));

  @Test
  void noFeatureDependsOnTheWebLayer() {
    NOFEATUREDEPENDSONTHEWEBLAYER.check(classes);
  }

  private static final ArchRule NOFEATUREDEPENDSONTHEWEBLAYER = noClasses().that().resideOutsideOfPackage(BASE + "web..")
      .should().dependOnClassesThat().resideInAPackage(BASE + "web..");
}
