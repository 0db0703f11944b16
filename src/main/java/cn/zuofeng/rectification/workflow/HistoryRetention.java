package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.audit.AuditProperties;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * One retention period for the engine's history ({@code rectification.audit.history-retention-days}),
 * whatever a model file says in {@code camunda:historyTimeToLive}: the setting wins.
 * <ul>
 *   <li>a parse listener (registered through a {@code ProcessEnginePlugin} bean, which the Camunda
 *       starter adds to the engine) gives every process definition deployed from now on the period;</li>
 *   <li>at start-up, after the models are deployed, definitions deployed earlier (older versions,
 *       decisions, models unchanged since the setting changed) are set to the period too.</li>
 * </ul>
 * Instances that have already ended keep the removal time computed when they ended (strategy
 * {@code end}). The history cleanup removes only the engine's {@code ACT_HI_*} rows; the ledger
 * and its event log are the application's own tables and stay.
 */
@Configuration(proxyBeanMethods = false)
class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  @Bean
  static AbstractProcessEnginePlugin historyRetentionPlugin(AuditProperties properties) {
    int days = properties.historyRetentionDays();
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.setHistoryTimeToLive(days);
          }
        });
      }
    };
  }

  @Bean
  ApplicationRunner historyRetentionOfDeployedDefinitions(RepositoryService repository, AuditProperties properties) {
    return new DeployedDefinitions(repository, properties.historyRetentionDays());
  }

  /** Runs after {@link ModelDeployment}. */
  record DeployedDefinitions(RepositoryService repository, int days) implements ApplicationRunner, Ordered {

    @Override
    public int getOrder() {
      return 1;
    }

    @Override
    public void run(ApplicationArguments args) {
      int changed = 0;
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
          repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
      for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
          repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
      log.info("engine history is kept {} days after an instance ends ({} definitions updated)", days, changed);
    }
  }
}
