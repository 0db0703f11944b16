package cn.zuofeng.rectification.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} as one deployment whose resource names are the
 * same relative paths wherever the application runs (fat jar, IDE, {@code spring-boot:run}); the
 * starter's auto-deployment names resources by absolute file path when run from a folder, which
 * breaks {@code embedded:deployment:} form keys. Unchanged resources are not deployed again.
 */
@Component
@Order(0)
class ModelDeployment implements ApplicationRunner {

  static final String NAME = "rectification-loop";
  private static final String[] FOLDERS = {"processes", "forms"};

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repository;

  ModelDeployment(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment()
        .name(NAME)
        .source(NAME)
        .enableDuplicateFiltering(true);
    var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
    for (String folder : FOLDERS) {
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.*")) {
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(folder + "/" + resource.getFilename(), in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + resource, e);
        }
      }
    }
    Deployment result = deployment.deploy();
    log.info("models deployed as {} ({} resources)", result.getId(), deployment.getResourceNames().size());
  }
}
