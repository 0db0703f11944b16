package cn.zuofeng.rectification.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spares every authorization check the engine's scan of all authorizations.
 *
 * <p>Before it checks anything for a signed-in user, Camunda's {@link AuthorizationManager} trims
 * the user's groups to those that appear in some authorization, and finds those with
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once per command. The engine
 * writes one authorization per open task (the candidate group's TASK_WORK grant), so that query
 * reads the whole table: 0.6 ms at 4,000 rows, 29 ms at 106,000 (benchmark S4, twice per
 * Tasklist view), and it ran for every REST call. Keeping all of the user's groups gives the same
 * answers — a group without authorizations matches no row in the checks — and our users belong to
 * one or two groups, so the checks stay short.
 */
@Configuration(proxyBeanMethods = false)
class GroupsWithoutFiltering {

  @Bean
  static AbstractProcessEnginePlugin authenticatedGroupsAsTheyArePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new AllGroupsAuthorizationManager();
          }
        });
        configuration.setCustomSessionFactories(factories);
      }
    };
  }

  /** The engine's authorization manager, with the user's groups taken as they are. */
  static final class AllGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
