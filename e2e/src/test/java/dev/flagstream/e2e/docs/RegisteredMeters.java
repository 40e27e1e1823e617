package dev.flagstream.e2e.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Micrometer meters a service's own code registers, read from its compiled classes: each {@code
 * Counter.builder("…")}, {@code Gauge.builder("…", …)} and the like, with the base unit set on the
 * same builder. Meters of libraries (JVM, Tomcat, Hikari) are not Flagstream's to document.
 */
final class RegisteredMeters {
  private static final String MICROMETER = "io/micrometer/core/instrument/";
  private static final Set<String> KINDS =
      Set.of(
          "Counter",
          "Gauge",
          "Timer",
          "DistributionSummary",
          "LongTaskTimer",
          "FunctionCounter",
          "FunctionTimer",
          "TimeGauge");

  /**
   * A meter: its name ({@code flagstream.cdc.slot.lag.bytes}), kind, base unit (or null) and
   * description (empty when it has none).
   */
  record Meter(String name, String kind, @Nullable String baseUnit, String description) {

    Meter with(String builderMethod, String text) {
      return switch (builderMethod) {
        case "baseUnit" -> new Meter(name, kind, text, description);
        case "description" -> new Meter(name, kind, baseUnit, text);
        default -> this;
      };
    }

    /** The name Prometheus shows for its main series; see {@link #prometheusNames()}. */
    String prometheusName() {
      String stem = stem();
      return kind.equals("Counter") || kind.equals("FunctionCounter") ? stem + "_total" : stem;
    }

    private String stem() {
      String stem = name.replace('.', '_');
      String unit = kind.equals("Timer") || kind.equals("LongTaskTimer") ? "seconds" : baseUnit;
      return unit != null && !stem.endsWith("_" + unit) ? stem + "_" + unit : stem;
    }

    /**
     * The names Prometheus shows for it, as Micrometer's Prometheus naming convention writes them:
     * dots become underscores, the base unit follows unless the name ends with it (seconds for
     * timers), counters end with {@code _total}; histograms add their series.
     */
    Set<String> prometheusNames() {
      String stem = stem();
      Set<String> names = new TreeSet<>();
      names.add(stem);
      for (String series : List.of("_total", "_count", "_sum", "_bucket", "_max", "_created")) {
        names.add(stem + series);
      }
      return names;
    }
  }

  private RegisteredMeters() {}

  static Map<String, Meter> of(ServiceJar jar) {
    Map<String, Meter> meters = new LinkedHashMap<>();
    for (byte[] type : jar.classes()) {
      new ClassReader(type).accept(new Registrations(meters), 0);
    }
    return meters;
  }

  private static final class Registrations extends ClassVisitor {
    private final Map<String, Meter> meters;

    Registrations(Map<String, Meter> meters) {
      super(Opcodes.ASM9);
      this.meters = meters;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        private @Nullable String lastText;
        private @Nullable Meter building;

        @Override
        public void visitLdcInsn(Object value) {
          lastText = value instanceof String text ? text : null;
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String type, boolean isInterface) {
          String kind = owner.startsWith(MICROMETER) ? owner.substring(MICROMETER.length()) : "";
          if (opcode == Opcodes.INVOKESTATIC && method.equals("builder") && KINDS.contains(kind)) {
            if (lastText != null) {
              building = new Meter(lastText, kind, null, "");
              meters.putIfAbsent(lastText, building);
            }
          } else if (building != null && lastText != null) {
            Meter described = building.with(method, lastText);
            if (described != building) {
              building = described;
              meters.put(building.name(), building);
            }
          }
          lastText = null;
        }
      };
    }
  }
}
