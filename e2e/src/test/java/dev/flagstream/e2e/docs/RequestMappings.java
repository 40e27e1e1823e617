package dev.flagstream.e2e.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.yaml.snakeyaml.Yaml;

/**
 * Every path a service answers, read from what it ships: the {@code @RequestMapping} family on its
 * compiled controllers (the values as javac wrote them, constants included), and the management
 * endpoints its {@code application.yml} exposes (base path, exposed ids, health groups).
 */
final class RequestMappings {
  private static final String ANNOTATIONS = "Lorg/springframework/web/bind/annotation/";
  private static final Map<String, String> SHORTCUTS =
      Map.of(
          "GetMapping", "GET",
          "PostMapping", "POST",
          "PutMapping", "PUT",
          "PatchMapping", "PATCH",
          "DeleteMapping", "DELETE");

  private RequestMappings() {}

  static List<Endpoint> of(ServiceJar jar) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (byte[] type : jar.classes()) {
      new ClassReader(type).accept(new Controller(endpoints), ClassReader.SKIP_CODE);
    }
    endpoints.addAll(management(jar.applicationYml()));
    return List.copyOf(endpoints);
  }

  /** A mapping annotation's paths and methods, as javac stored them. */
  private static final class Mapping extends AnnotationVisitor {
    final List<String> paths = new ArrayList<>();
    final Set<String> methods = new LinkedHashSet<>();

    Mapping(@Nullable String shortcut) {
      super(Opcodes.ASM9);
      if (shortcut != null) {
        methods.add(shortcut);
      }
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(@Nullable String ignored, Object value) {
          if (name.equals("value") || name.equals("path")) {
            paths.add(resolve((String) value));
          }
        }

        @Override
        public void visitEnum(@Nullable String ignored, String descriptor, String value) {
          if (name.equals("method")) {
            methods.add(value);
          }
        }
      };
    }
  }

  private static @Nullable Mapping mapping(String descriptor) {
    if (!descriptor.startsWith(ANNOTATIONS)) {
      return null;
    }
    String simple = descriptor.substring(ANNOTATIONS.length(), descriptor.length() - 1);
    if (simple.equals("RequestMapping")) {
      return new Mapping(null);
    }
    String method = SHORTCUTS.get(simple);
    return method == null ? null : new Mapping(method);
  }

  /** {@code ${server.error.path:${error.path:/error}}} is {@code /error}: its last default. */
  private static String resolve(String path) {
    if (!path.startsWith("${")) {
      return path;
    }
    return path.substring(path.lastIndexOf(':') + 1).replace("}", "");
  }

  private static final class Controller extends ClassVisitor {
    private final List<Endpoint> endpoints;
    private @Nullable Mapping prefix;

    Controller(List<Endpoint> endpoints) {
      super(Opcodes.ASM9);
      this.endpoints = endpoints;
    }

    @Override
    public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      Mapping found = mapping(descriptor);
      if (found != null) {
        prefix = found;
      }
      return found;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        private final List<Mapping> pending = new ArrayList<>();

        @Override
        public @Nullable AnnotationVisitor visitAnnotation(String type, boolean visible) {
          Mapping found = mapping(type);
          if (found != null) {
            // Read once the method's annotations are complete: the visitor fills it in first.
            pending.add(found);
          }
          return found;
        }

        @Override
        public void visitEnd() {
          for (Mapping mapping : pending) {
            add(mapping);
          }
        }
      };
    }

    private void add(Mapping mapping) {
      List<String> roots = prefix == null || prefix.paths.isEmpty() ? List.of("") : prefix.paths;
      List<String> paths = mapping.paths.isEmpty() ? List.of("") : mapping.paths;
      Set<String> methods = new LinkedHashSet<>(mapping.methods);
      if (methods.isEmpty() && prefix != null) {
        methods.addAll(prefix.methods);
      }
      for (String root : roots) {
        for (String path : paths) {
          String joined = root + path;
          endpoints.add(new Endpoint(Set.copyOf(methods), joined.isEmpty() ? "/" : joined));
        }
      }
    }
  }

  /** The actuator's endpoints as {@code application.yml} exposes them over HTTP. */
  @SuppressWarnings("unchecked")
  static List<Endpoint> management(String applicationYml) {
    Map<String, Object> root = new Yaml().load(applicationYml);
    Map<String, Object> management = child(root, "management");
    Map<String, Object> web = child(child(management, "endpoints"), "web");
    String base = String.valueOf(web.getOrDefault("base-path", "/actuator"));
    String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    Object include = child(web, "exposure").getOrDefault("include", "health");
    Set<String> get = Set.of("GET");
    List<Endpoint> endpoints = new ArrayList<>();
    for (String id : String.valueOf(include).split(",")) {
      String endpoint = prefix + "/" + id.trim();
      endpoints.add(new Endpoint(get, endpoint));
      if (id.trim().equals("metrics")) {
        endpoints.add(new Endpoint(get, endpoint + "/{name}"));
      }
      if (id.trim().equals("health")) {
        Map<String, Object> groups = child(child(child(management, "endpoint"), "health"), "group");
        groups.keySet().forEach(group -> endpoints.add(new Endpoint(get, endpoint + "/" + group)));
      }
    }
    return endpoints;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(@Nullable Map<String, Object> parent, String key) {
    Object value = parent == null ? null : parent.get(key);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
