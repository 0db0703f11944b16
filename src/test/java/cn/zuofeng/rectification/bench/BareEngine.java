package cn.zuofeng.rectification.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * B1: Camunda without the application — a plain standalone engine (history FULL, authorizations
 * off, job executor off, UUID ids and a 10-connection Hikari pool like the application's) on its
 * own database of the same server; each operation starts a one-user-task process and completes
 * its task.
 */
final class BareEngine {

  static final String PROCESS = "bench-one-task";

  private BareEngine() {}

  static ClosedLoop.Result run(Database db, String database, int threads, Duration warmup, Duration measure)
      throws Exception {
    var pool = new HikariConfig();
    pool.setJdbcUrl(db.url(database));
    pool.setUsername(Database.USER);
    pool.setPassword(Database.PASSWORD);
    pool.setMaximumPoolSize(10);
    pool.setPoolName("bench-bare-engine");
    try (HikariDataSource dataSource = new HikariDataSource(pool)) {
      var config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
      config.setProcessEngineName("bench-bare-engine");
      config.setDataSource(dataSource);
      config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      config.setAuthorizationEnabled(false);
      config.setJobExecutorActivate(false);
      config.setIdGenerator(new StrongUuidGenerator());
      ProcessEngine engine = config.buildProcessEngine();
      try {
        engine.getRepositoryService().createDeployment().name("bench")
            .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent("Start").userTask("Task").name("Task").endEvent("End").done())
            .deploy();
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        AtomicLong sequence = new AtomicLong();
        ClosedLoop.Result result = ClosedLoop.run("B1", threads, warmup, measure, thread -> () -> {
          String instance = runtime.startProcessInstanceByKey(PROCESS, "B1-" + sequence.incrementAndGet()).getId();
          Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
          if (task == null) {
            throw new IllegalStateException("no task for instance " + instance);
          }
          tasks.complete(task.getId());
        });
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        if (running != 0) {
          result.failures().add(running + " instances of the bare process did not end");
        }
        return result;
      } finally {
        engine.close();
      }
    }
  }
}
