package cn.zuofeng.rectification.ledger;

import java.util.List;

/** 整改情况: what the unit did and the files that prove it. */
public record RectificationReport(String measures, String result, List<EvidenceFile> evidence) {

  public static final int TEXT_MAX = 4000;

  public RectificationReport {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public static RectificationReport from(FormInput in, List<EvidenceFile> evidence) {
    var report = new RectificationReport(
        in.requiredText("measures", "整改措施", TEXT_MAX),
        in.requiredText("result", "整改结果", TEXT_MAX),
        evidence);
    in.throwIfInvalid();
    return report;
  }
}
