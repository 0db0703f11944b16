package cn.zuofeng.rectification.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An index the engine's schema lacks and our load needs: every completed or deleted task makes
 * Camunda look for its subtasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}),
 * and without an index that reads every open task — 21 ms per completion at 30,000 open tasks
 * (benchmark, pg_stat_statements), growing with the ledger. Created once, after the engine has
 * created or updated its own schema, under a name of ours; {@code IF NOT EXISTS} makes every later
 * start (and a second node starting at the same moment) a no-op.
 */
@Configuration(proxyBeanMethods = false)
class EngineIndexes {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  static final String TASK_PARENT = "create index if not exists APP_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)";

  @Bean
  static AbstractProcessEnginePlugin engineIndexesPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
          boolean autoCommit = connection.getAutoCommit();
          connection.setAutoCommit(true);
          try {
            statement.execute(TASK_PARENT);
          } finally {
            connection.setAutoCommit(autoCommit);
          }
        } catch (SQLException e) {
          // a slower index never stops the application; the next start tries again
          log.warn("could not create index APP_IDX_TASK_PARENT on ACT_RU_TASK: {}", e.getMessage());
        }
      }
    };
  }
}
