package cn.zuofeng.rectification.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import cn.zuofeng.rectification.RectificationApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The production profile does not start with a guessable admin password, demo users or H2. */
class ProductionSafetyCheckTest {

  @Test
  void productionRefusesTheDemoPasswordAnEmptyOneAndH2() {
    assertThatThrownBy(() -> ProductionSafetyCheck.verify(env(Map.of(
        "camunda.bpm.admin-user.password", "Zuofeng@2026",
        "spring.datasource.url", "jdbc:postgresql://db/rectification"), "prod")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_PASSWORD");
    assertThatThrownBy(() -> ProductionSafetyCheck.verify(env(Map.of(
        "camunda.bpm.admin-user.password", "${ADMIN_PASSWORD:}",
        "spring.datasource.url", "${DB_URL}"), "prod")))
        .hasMessageContaining("ADMIN_PASSWORD").hasMessageContaining("DB_URL");
    assertThatThrownBy(() -> ProductionSafetyCheck.verify(env(Map.of(
        "camunda.bpm.admin-user.password", "A-long-and-Secret-2026!",
        "spring.datasource.url", "jdbc:postgresql://db/rectification"), "prod", "demo")))
        .hasMessageContaining("demo");
  }

  @Test
  void productionStartsWithARealSecretAndOtherProfilesAreNotChecked() {
    assertThatNoException().isThrownBy(() -> ProductionSafetyCheck.verify(env(Map.of(
        "camunda.bpm.admin-user.password", "A-long-and-Secret-2026!",
        "spring.datasource.url", "jdbc:postgresql://db/rectification"), "prod")));
    assertThatNoException().isThrownBy(() -> ProductionSafetyCheck.verify(env(Map.of(), "demo")));
  }

  @Test
  void theWholeApplicationRefusesToStartUnsafely() {
    assertThatThrownBy(() -> new SpringApplication(RectificationApplication.class)
        .run("--spring.profiles.active=prod", "--DB_URL=jdbc:h2:mem:unsafe", "--ADMIN_PASSWORD=admin"))
        .hasStackTraceContaining("refusing to start an unsafe production configuration");
  }

  private static StandardEnvironment env(Map<String, Object> properties, String... profiles) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    environment.setActiveProfiles(profiles);
    return environment;
  }
}
