package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml cannot run on these machines; ClusterFaultIT runs the same configuration
 * instead. This keeps the two from drifting apart: the variables the fault tests give each node are
 * the ones docker/.env.example and compose.yaml give it, and every variable the production
 * profile reads is one of them.
 */
class DeploymentFilesTest {

  static final Set<String> COMPOSE_ONLY = Set.of("DB_NAME", "HTTP_PORT", "HTTPS_PORT");
  static final Set<String> SET_IN_COMPOSE = Set.of("SPRING_PROFILES_ACTIVE", "DB_URL", "NODE_NAME");
  /** PORT: compose keeps the image's 8080; the tests pick a free port. */
  static final Set<String> TEST_ONLY = Set.of("PORT");

  @Test
  void theFaultTestsPassTheVariablesComposePasses() throws IOException {
    Set<String> example = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("docker/.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        example.add(line.substring(0, line.indexOf('=')).strip());
      }
    }
    Set<String> tested = new TreeSet<>(Cluster.environment("jdbc:postgresql://localhost/x", "node", 8080).keySet());

    Set<String> expected = new TreeSet<>(example);
    expected.removeAll(COMPOSE_ONLY);
    expected.addAll(SET_IN_COMPOSE);
    expected.addAll(TEST_ONLY);
    assertThat(tested).isEqualTo(expected);

    String compose = Files.readString(Path.of("docker/compose.yaml"));
    for (String node : new String[] {"app-1", "app-2"}) {
      String service = compose.substring(compose.indexOf("  " + node + ":"));
      assertThat(service).contains("SPRING_PROFILES_ACTIVE: prod", "DB_URL: jdbc:postgresql://postgres:5432/${DB_NAME}",
          "NODE_NAME: " + node);
    }
    assertThat(compose).contains("env_file: .env", "image: postgres:17");
  }

  @Test
  void everyVariableTheProductionProfileReadsIsDocumented() throws IOException {
    String example = Files.readString(Path.of("docker/.env.example"));
    var placeholder = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(Files.readString(Path.of("src/main/resources/application-prod.yaml")));
    Set<String> read = new TreeSet<>();
    while (placeholder.find()) {
      read.add(placeholder.group(1));
    }
    read.removeAll(SET_IN_COMPOSE);
    read.remove("HOSTNAME");
    assertThat(read).isNotEmpty().allSatisfy(name -> assertThat(example).contains(name + "="));
  }
}
