package cn.zuofeng.rectification.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Grants by code, at every start, idempotently (Camunda authorizations are on and grant-only):
 * units work only the tasks offered to their group (the engine grants those per task);
 * supervisors and leaders work their own tasks and read everything; auditors read everything
 * and change nothing; only {@code camunda-admin} deploys and administers.
 */
@Component
@Order(10)
class AuthorizationSetup implements ApplicationRunner {

  /** Process id of the closed loop (design contract); security does not depend on the workflow glue. */
  static final String PROBLEM_RECTIFICATION = "problem-rectification";

  private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

  private final AuthorizationService authorizations;

  AuthorizationSetup(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    // every signed-in user: Tasklist, the model of the loop (to show its diagram), the shared filter
    global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    global(Resources.PROCESS_DEFINITION, PROBLEM_RECTIFICATION, Permissions.READ);

    for (String reader : List.of(Groups.SUPERVISORS, Groups.LEADERS, Groups.AUDITORS)) {
      grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(reader, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_HISTORY);
      grant(reader, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(reader, Resources.TASK, ANY, Permissions.READ);
      grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(reader, Resources.USER, ANY, Permissions.READ);
      grant(reader, Resources.GROUP, ANY, Permissions.READ);
    }
    // registering a problem starts its process
    grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, PROBLEM_RECTIFICATION,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    log.info("authorizations for supervisors, leaders, auditors and units are in place");
  }

  void global(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    save(existing != null ? existing : newAuthorization(AUTH_TYPE_GLOBAL, resource, resourceId), permissions, null);
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    save(existing != null ? existing : newAuthorization(AUTH_TYPE_GRANT, resource, resourceId), permissions, groupId);
  }

  private Authorization newAuthorization(int type, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }

  private void save(Authorization authorization, Permission[] permissions, String groupId) {
    if (authorization.getId() == null) {
      if (groupId == null) {
        authorization.setUserId(ANY);
      } else {
        authorization.setGroupId(groupId);
      }
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (authorization.getId() == null || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
