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
 * What the engine's schema lacks and our load needs, created once after the engine has created or
 * updated its own schema, under names of ours; {@code IF NOT EXISTS} makes every later start (and a
 * second node starting at the same moment) a no-op.
 * <ul>
 *   <li>{@code APP_IDX_TASK_PARENT}: every completed or deleted task makes Camunda look for its
 *   subtasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and without an index
 *   that reads every open task — 21 ms per completion at 30,000 open tasks (benchmark,
 *   pg_stat_statements), growing with the ledger.</li>
 *   <li>{@code APP_IDX_JOB_DUEDATE}: the job executor acquires by due date
 *   ({@code job-executor-acquire-by-due-date}, {@code ensure-job-due-date-not-null} in
 *   application.yaml), so its acquisition query walks this index from the oldest due job and stops
 *   after the few it takes, instead of filtering every due job and anti-joining each with the
 *   locked ones: 25.8 ms per acquisition with 20,000 due jobs (benchmark S3, 11,495 acquisitions =
 *   297 s of database time). Jobs written before the setting without a due date would never be
 *   acquired by it; they get their creation time (or now) as due date at start-up.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineIndexes {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  static final String TASK_PARENT = "create index if not exists APP_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)";
  static final String JOB_DUEDATE = "create index if not exists APP_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)";
  static final String JOBS_WITHOUT_DUEDATE =
      "update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null";

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
            statement.execute(JOB_DUEDATE);
            int filled = statement.executeUpdate(JOBS_WITHOUT_DUEDATE);
            if (filled > 0) {
              log.info("{} jobs without a due date got one, so that acquisition by due date finds them", filled);
            }
          } finally {
            connection.setAutoCommit(autoCommit);
          }
        } catch (SQLException e) {
          // a slower index never stops the application; the next start tries again
          log.warn("could not add the engine's indexes or due dates: {}", e.getMessage());
        }
      }
    };
  }
}
