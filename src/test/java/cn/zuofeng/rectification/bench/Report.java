package cn.zuofeng.rectification.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as a console table, docs-style Markdown and JSON. */
final class Report {

  /** One measured figure. */
  record Row(String id, String what, String figure, String detail) {}

  /** One target of the issue and whether the run met it. */
  record Target(String id, String metric, String required, String measured, boolean pass) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("metric", metric);
      json.put("required", required);
      json.put("measured", measured);
      json.put("status", pass ? "pass" : "miss");
      return json;
    }
  }

  private final String size;
  private final String command;
  private final Map<String, Object> machine;
  private final Map<String, Object> postgres;
  private final Map<String, Object> config;
  private final List<Row> rows = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> method = new ArrayList<>();

  Report(String size, String command, Map<String, Object> machine, Map<String, Object> postgres, Map<String, Object> config) {
    this.size = size;
    this.command = command;
    this.machine = machine;
    this.postgres = postgres;
    this.config = config;
  }

  void row(String id, String what, String figure, String detail) {
    rows.add(new Row(id, what, figure, detail));
  }

  void target(String id, String metric, String required, String measured, boolean pass) {
    targets.add(new Target(id, metric, required, measured, pass));
  }

  void result(String id, Object json) {
    results.put(id, json);
  }

  void note(String text) {
    notes.add(text);
  }

  void method(String text) {
    method.add(text);
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static String f1(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  static String f0(double value) {
    return String.format(java.util.Locale.ROOT, "%.0f", value);
  }

  String console() {
    var out = new StringBuilder();
    out.append("\n=== Benchmarks (size ").append(size).append(", ").append(machine.get("date")).append(") ===\n");
    out.append(machine.get("cores")).append(" cores ").append(machine.get("cpu")).append(", ")
        .append(machine.get("memoryMb")).append(" MB, ").append(machine.get("os")).append("\n")
        .append(machine.get("java")).append("; PostgreSQL ").append(postgres.get("server_version"))
        .append(" (fsync ").append(postgres.get("fsync")).append(", synchronous_commit ")
        .append(postgres.get("synchronous_commit")).append(")\n\n");
    int w0 = width(rows.stream().map(Row::id).toList(), 2);
    int w1 = width(rows.stream().map(Row::what).toList(), 4);
    int w2 = width(rows.stream().map(Row::figure).toList(), 6);
    String format = "%-" + w0 + "s  %-" + w1 + "s  %" + w2 + "s  %s%n";
    out.append(String.format(format, "id", "what", "figure", "detail"));
    for (Row row : rows) {
      out.append(String.format(format, row.id(), row.what(), row.figure(), row.detail()));
    }
    out.append("\nTargets\n");
    int t1 = width(targets.stream().map(Target::metric).toList(), 6);
    int t2 = width(targets.stream().map(Target::required).toList(), 8);
    int t3 = width(targets.stream().map(Target::measured).toList(), 8);
    String tf = "%-" + t1 + "s  %-" + t2 + "s  %-" + t3 + "s  %s%n";
    out.append(String.format(tf, "metric", "required", "measured", "status"));
    for (Target t : targets) {
      out.append(String.format(tf, t.metric(), t.required(), t.measured(), t.pass() ? "pass" : "MISS"));
    }
    for (String note : notes) {
      out.append("note: ").append(note).append('\n');
    }
    return out.toString();
  }

  private static int width(List<String> values, int min) {
    return Math.max(min, values.stream().mapToInt(String::length).max().orElse(min));
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generatedBy", command);
    json.put("date", machine.get("date"));
    json.put("size", size);
    json.put("machine", machine);
    json.put("postgresql", postgres);
    json.put("config", config);
    json.put("results", results);
    json.put("targets", targets.stream().map(Target::toJson).toList());
    json.put("notes", notes);
    return json;
  }

  String markdown() {
    var md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("Generated by `").append(command).append("` (the harness in `src/test/java/cn/zuofeng/rectification/bench/`); ")
        .append("do not edit by hand — run it again. The same figures are in `benchmarks.json`; why each missed target ")
        .append("is missed, with its evidence, is written by hand in `performance.md`.");
    if ("quick".equals(size)) {
      md.append(" **Size `quick`: a check that the harness works; these figures say nothing about speed.**");
    }
    md.append("\n\n## Machine\n\n| | |\n|---|---|\n");
    md.append("| Date | ").append(machine.get("date")).append(" |\n");
    md.append("| Size | `").append(size).append("` |\n");
    md.append("| CPU | ").append(machine.get("cores")).append(" cores, ").append(machine.get("cpu")).append(" |\n");
    md.append("| Memory | ").append(machine.get("memoryMb")).append(" MB |\n");
    md.append("| OS | ").append(machine.get("os")).append(" |\n");
    md.append("| Java | ").append(machine.get("java")).append("; GC ").append(machine.get("garbageCollectors"))
        .append(", max heap ").append(machine.get("maxHeapMb")).append(" MB |\n");
    md.append("| PostgreSQL | ").append(postgres.get("version")).append(" |\n");
    md.append("| PostgreSQL settings | fsync ").append(postgres.get("fsync"))
        .append(", synchronous_commit ").append(postgres.get("synchronous_commit"))
        .append(", wal_sync_method ").append(postgres.get("wal_sync_method"))
        .append(", shared_buffers ").append(postgres.get("shared_buffers"))
        .append(", data on ").append(postgres.get("dataFileSystem")).append(" |\n");
    md.append("\n## Results\n\n| id | what | figure | details |\n|---|---|---:|---|\n");
    for (Row row : rows) {
      md.append("| ").append(row.id()).append(" | ").append(row.what()).append(" | ").append(row.figure())
          .append(" | ").append(row.detail()).append(" |\n");
    }
    md.append("\n## Targets (issue \"Benchmarks\")\n\n| metric | required | measured | status |\n|---|---|---|---|\n");
    for (Target t : targets) {
      md.append("| ").append(t.metric()).append(" | ").append(t.required()).append(" | ").append(t.measured())
          .append(" | ").append(t.pass() ? "pass" : "**miss**").append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    md.append("\n## How it is measured\n\n");
    method.forEach(m -> md.append("- ").append(m).append('\n'));
    return md.toString();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(directory.resolve("benchmarks.json"), mapper.writeValueAsString(toJson()) + "\n", StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("benchmarks.md"), markdown(), StandardCharsets.UTF_8);
  }
}
