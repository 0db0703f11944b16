package cn.zuofeng.rectification.workflow;

import cn.zuofeng.rectification.ledger.EvidenceStore;
import cn.zuofeng.rectification.ledger.LedgerService;
import cn.zuofeng.rectification.ledger.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every task shows of its problem without opening anything else: its name after the problem
 * (落实整改：<标题>), and task-local variables the forms' summaries read — overdue working days,
 * supervision level and the evidence files as download links — taken from the ledger when the
 * task is created.
 */
@Component
class TaskSummary {

  private final LedgerService ledger;

  TaskSummary(LedgerService ledger) {
    this.ledger = ledger;
  }

  void describe(DelegateTask task) {
    Object title = task.getVariable("title");
    if (title != null) {
      task.setName(task.getName() + "：" + title);
    }
    Object description = task.getVariable("description");
    task.setDescription(description == null ? null : description.toString());
    String number = task.getExecution().getProcessBusinessKey();
    Problem problem = number == null ? null : ledger.find(number).orElse(null);
    if (problem == null) {
      return;
    }
    int overdueDays = ledger.overdueWorkingDays(problem);
    task.setVariableLocal("overdueText", problem.isOverdue(ledger.today()) ? "已逾期 " + overdueDays + " 个工作日" : "未逾期");
    task.setVariableLocal("supervisionText",
        problem.supervisionLevel() == null ? "未督办" : problem.supervisionLevel().label());
    var evidence = ledger.evidenceOf(problem);
    task.setVariableLocal("evidenceLinks", evidence.isEmpty() ? "暂无" : evidence.stream()
        .map(file -> link(problem.number(), file))
        .collect(Collectors.joining("　")));
  }

  /** A markdown link form-js renders; the file name's markdown characters are escaped. */
  private static String link(String number, EvidenceStore.StoredEvidence file) {
    String name = file.fileName().replaceAll("([\\\\\\[\\]()*_`<>])", "\\\\$1");
    return "[" + name + "](/ledger/" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "/evidence/" + file.id() + ")";
  }
}
