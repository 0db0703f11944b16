package cn.zuofeng.rectification.bench;

import cn.zuofeng.rectification.security.UnitOnboarding;
import cn.zuofeng.rectification.workflow.ProblemRegistration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Seeds data through the application's own services in this JVM, as DemoData does: units through
 * UnitOnboarding (ledger entry, Camunda group, filter grants), problems through ProblemRegistration
 * (the same path as {@code POST /api/problems}) and their review completed with TaskService as the
 * supervisor (the same as completing the review form). Nothing is written behind the application's back.
 */
final class Seeder {

  static final String REVIEW = "UserTask_ReviewAndAssign";

  /** A bench unit and the one member the harness logs in as. */
  record BenchUnit(String code, String member) {
    String group() {
      return "unit-" + code;
    }
  }

  private final IdentityService identity;
  private final TaskService tasks;
  private final ProblemRegistration registration;
  private final UnitOnboarding onboarding;

  Seeder(AppUnderTest app) {
    this.identity = app.context.getBean(IdentityService.class);
    this.tasks = app.context.getBean(TaskService.class);
    this.registration = app.context.getBean(ProblemRegistration.class);
    this.onboarding = app.context.getBean(UnitOnboarding.class);
  }

  /** {@code count} units {@code bench-01 …} with one member each ({@code bench-01-user}, the demo password). */
  List<BenchUnit> units(int count) {
    List<BenchUnit> units = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String code = "bench-%02d".formatted(i);
      onboarding.add(code, "基准测试单位" + i);
      String member = code + "-user";
      if (identity.createUserQuery().userId(member).count() == 0) {
        var user = identity.newUser(member);
        user.setFirstName("基准" + i);
        user.setLastName("");
        user.setPassword(HttpDriver.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(member, "unit-" + code);
      }
      units.add(new BenchUnit(code, member));
    }
    return units;
  }

  /**
   * Registers {@code count} problems and assigns them (IMMEDIATE, GENERAL) round-robin to the
   * units with the given deadline, on {@code threads} threads; returns the problem numbers.
   */
  List<String> assigned(String title, int count, int threads, List<BenchUnit> units, LocalDate today, LocalDate deadline)
      throws Exception {
    List<String> numbers = Collections.synchronizedList(new ArrayList<>(count));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          identity.setAuthentication("supervisor", List.of("supervisors"));
          try {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              numbers.add(assignOne(title + " #" + (i + 1), units.get(i % units.size()), today, deadline));
            }
          } finally {
            identity.clearAuthentication();
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return numbers;
  }

  private String assignOne(String title, BenchUnit unit, LocalDate today, LocalDate deadline) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", title);
    fields.put("description", "基准测试：群众反映" + title);
    fields.put("source", "HOTLINE");
    fields.put("category", "SERVICE_EFFICIENCY");
    fields.put("discoveredOn", today.minusDays(1).toString());
    String number = registration.register(fields);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(REVIEW).singleResult();
    tasks.complete(review.getId(), Map.of("reviewDecision", "ASSIGN", "unitCode", unit.code(), "severity", "GENERAL",
        "rectificationType", "IMMEDIATE", "deadline", deadline.toString()));
    return number;
  }
}
