package cn.zuofeng.rectification.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var runtime = ManagementFactory.getRuntimeMXBean();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("cpu", cpuModel());
    json.put("memoryMb", os.getTotalMemorySize() / 1048576);
    json.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")"
        + distribution());
    json.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    json.put("jvmArguments", runtime.getInputArguments().stream().filter(a -> !a.startsWith("-Dbench.")).toList());
    json.put("garbageCollectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList());
    json.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
    return json;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String distribution() {
    try {
      return Files.readAllLines(Path.of("/etc/os-release")).stream()
          .filter(line -> line.startsWith("PRETTY_NAME="))
          .map(line -> ", " + line.substring("PRETTY_NAME=".length()).replace("\"", ""))
          .findFirst().orElse("");
    } catch (Exception e) {
      return "";
    }
  }
}
