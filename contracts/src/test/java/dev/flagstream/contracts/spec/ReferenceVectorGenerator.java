package dev.flagstream.contracts.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the conformance files whose expectations depend on buckets. Every bucket comes from {@link
 * ReferenceBuckets} (commons-codec), every value and reason from the algorithm's definition as
 * written here, never from the code under test. Deterministic: a rerun rewrites the same bytes.
 *
 * <p>Run from the repository root after changing it: {@code ./mvnw -q -pl contracts test-compile
 * exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.flagstream.contracts.spec.ReferenceVectorGenerator
 * -Dexec.args=contracts/spec}
 */
public final class ReferenceVectorGenerator {
  static final String SPEC_VERSION = "1.2.0";
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Random random = new Random(20261127L);

  public static void main(String[] args) throws IOException {
    Path spec = Path.of(args.length > 0 ? args[0] : "spec");
    ReferenceVectorGenerator generator = new ReferenceVectorGenerator();
    generator.write(spec.resolve("evaluation/002-rollout-boundaries.json"), generator.boundaries());
    generator.write(
        spec.resolve("evaluation/003-common-rollouts.json"), generator.commonRollouts());
    generator.write(spec.resolve("evaluation/004-user-ids.json"), generator.userIds());
    generator.write(
        spec.resolve("evaluation/005-allowlist-forms.json"), generator.allowlistForms());
    generator.write(spec.resolve("bucket/002-fixed-pairs.json"), generator.fixedPairs());
  }

  private Map<String, Object> boundaries() {
    List<Map<String, Object>> flags = new ArrayList<>();
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int rollout = 0; rollout < 100; rollout++) {
      String flag = String.format("rollout-%03d", rollout);
      flags.add(flag(flag, true, rollout, List.of()));
      if (rollout > 0) {
        String in = userWithBucket(flag, rollout - 1);
        cases.add(
            evaluationCase(
                flag + "-last-bucket-in",
                "bucket " + (rollout - 1) + " = rollout - 1 is inside a " + rollout + " % rollout",
                flag,
                in,
                rollout));
      }
      String out = userWithBucket(flag, rollout);
      cases.add(
          evaluationCase(
              flag + "-first-bucket-out",
              "bucket " + rollout + " = rollout is outside a " + rollout + " % rollout",
              flag,
              out,
              rollout));
    }
    return file(
        "Rollout boundaries",
        "For every rollout 0-99, a user whose bucket is rollout - 1 (in) and one whose bucket is"
            + " the rollout itself (out).",
        flags,
        cases);
  }

  private Map<String, Object> commonRollouts() {
    int[] rollouts = {0, 1, 50, 99, 100};
    List<Map<String, Object>> flags = new ArrayList<>();
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int rollout : rollouts) {
      String flag = String.format("common-%03d", rollout);
      flags.add(flag(flag, true, rollout, List.of()));
      for (int i = 0; i < 20; i++) {
        String user = i % 2 == 0 ? uuid() : "user-" + random.nextInt(1_000_000);
        cases.add(
            evaluationCase(
                flag + "-user-" + i,
                "user " + i + " of 20 at a " + rollout + " % rollout",
                flag,
                user,
                rollout));
      }
    }
    return file(
        "Common rollouts", "Twenty users each at rollouts 0, 1, 50, 99 and 100.", flags, cases);
  }

  private Map<String, Object> userIds() {
    List<Map<String, Object>> flags =
        List.of(flag("ids-050", true, 50, List.of()), flag("ids-010", true, 10, List.of()));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("empty", "");
    ids.put("latin-1", "josé");
    ids.put("umlaut", "müller-42");
    ids.put("greek", "χρήστης");
    ids.put("cyrillic", "пользователь");
    ids.put("cjk", "用户-42");
    ids.put("japanese", "ユーザー");
    ids.put("arabic", "مستخدم");
    ids.put("hebrew", "משתמש");
    ids.put("devanagari", "उपयोगकर्ता");
    ids.put("emoji", "😀");
    ids.put("emoji-zwj-sequence", "👩‍💻 dev");
    ids.put("flag-emoji", "🇳🇱");
    ids.put("combining-marks", "e\u0301");
    ids.put("bmp-edge", "\uffff\u0800\u07ff\u0080\u007f");
    ids.put("supplementary-edge", "\uD800\uDC00\uDBFF\uDFFF");
    ids.put("spaces", "user with spaces");
    ids.put("control-characters", "tab\tnew\nline");
    ids.put("json-escapes", "quote\" backslash\\ slash/");
    ids.put("numeric", "123");
    ids.put("email", "ada@example.com");
    ids.put("uppercase-uuid", uuid().toUpperCase(java.util.Locale.ROOT));
    ids.put("long-1000-ascii", "a".repeat(1_000));
    ids.put("long-10000-ascii", "user-".repeat(2_000));
    ids.put("long-1000-two-byte", "é".repeat(1_000));
    ids.put("long-500-emoji", "🚀".repeat(500));
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Map<String, Object> flag : flags) {
      String name = (String) flag.get("name");
      int rollout = (int) flag.get("rolloutPercentage");
      ids.forEach(
          (label, id) ->
              cases.add(evaluationCase(name + "-" + label, label + " user id", name, id, rollout)));
    }
    return file(
        "User ids",
        "Unicode (hashed as UTF-8), empty (no user) and very long user ids.",
        flags,
        cases);
  }

  private Map<String, Object> allowlistForms() {
    String listed = "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c";
    String nil = "00000000-0000-0000-0000-000000000000";
    String flag = "allowlist-forms";
    List<Map<String, Object>> flags = List.of(flag(flag, true, 0, List.of(listed, nil)));
    List<Map<String, Object>> cases = new ArrayList<>();
    cases.add(allowlisted(flag + "-canonical", "the canonical form is listed", flag, listed));
    cases.add(
        allowlisted(
            flag + "-uppercase",
            "hexadecimal digits match in either case",
            flag,
            listed.toUpperCase(java.util.Locale.ROOT)));
    cases.add(allowlisted(flag + "-nil", "the nil UUID can be listed", flag, nil));
    Map<String, String> notListed = new LinkedHashMap<>();
    notListed.put("without-dashes", listed.replace("-", ""));
    notListed.put("braces", "{" + listed + "}");
    notListed.put("urn", "urn:uuid:" + listed);
    notListed.put("leading-space", " " + listed);
    notListed.put("trailing-space", listed + " ");
    notListed.put("short-groups", "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2");
    notListed.put("one-digit-off", "6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2d");
    notListed.put("fullwidth-digit", "６f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c");
    notListed.put("other-uuid", uuid());
    notListed.forEach(
        (label, id) ->
            cases.add(
                evaluationCase(
                    flag + "-" + label,
                    "only the canonical 8-4-4-4-12 form matches, so "
                        + label
                        + " falls through to"
                        + " the 0 % rollout",
                    flag,
                    id,
                    0)));
    return file(
        "Allowlist forms",
        "Which spellings of a listed user id match the allowlist, on a flag at rollout 0.",
        flags,
        cases);
  }

  private static Map<String, Object> allowlisted(
      String id, String description, String flag, String userId) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("value", true);
    expected.put("reason", "ALLOWLISTED");
    expected.put("bucket", null);
    Map<String, Object> testCase = new LinkedHashMap<>();
    testCase.put("id", id);
    testCase.put("description", description);
    testCase.put("flag", flag);
    testCase.put("userId", userId);
    testCase.put("expected", expected);
    return testCase;
  }

  private Map<String, Object> fixedPairs() {
    List<Map<String, Object>> cases = new ArrayList<>();
    String[] users = {"", "1", "42", "alice", "ünïcödé", "用户", "🚀", "x".repeat(300)};
    for (int i = 0; i < 200; i++) {
      String flag = flagName();
      String user = i < users.length * 3 ? users[i % users.length] : uuid();
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put("id", String.format("pair-%03d", i + 1));
      pair.put("flagName", flag);
      pair.put("userId", user);
      pair.put("bucket", ReferenceBuckets.bucket(flag, user));
      cases.add(pair);
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("specVersion", SPEC_VERSION);
    file.put("kind", "bucket");
    file.put("title", "Fixed buckets");
    file.put("description", "Buckets of fixed (flag name, user id) pairs.");
    file.put("cases", cases);
    return file;
  }

  private Map<String, Object> evaluationCase(
      String id, String description, String flag, String userId, int rollout) {
    Map<String, Object> expected = new LinkedHashMap<>();
    if (userId.isEmpty()) {
      expected.put("value", rollout == 100);
      expected.put("reason", rollout == 100 ? "FULL_ROLLOUT" : "NO_USER");
      expected.put("bucket", null);
    } else if (rollout == 100) {
      expected.put("value", true);
      expected.put("reason", "FULL_ROLLOUT");
      expected.put("bucket", null);
    } else {
      int bucket = ReferenceBuckets.bucket(flag, userId);
      expected.put("value", bucket < rollout);
      expected.put("reason", bucket < rollout ? "IN_ROLLOUT" : "OUT_OF_ROLLOUT");
      expected.put("bucket", bucket);
    }
    Map<String, Object> testCase = new LinkedHashMap<>();
    testCase.put("id", id);
    testCase.put("description", description);
    testCase.put("flag", flag);
    testCase.put("userId", userId);
    testCase.put("expected", expected);
    return testCase;
  }

  private String userWithBucket(String flag, int bucket) {
    while (true) {
      String candidate = uuid();
      if (ReferenceBuckets.bucket(flag, candidate) == bucket) {
        return candidate;
      }
    }
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private String flagName() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    StringBuilder name = new StringBuilder();
    name.append(alphabet.charAt(random.nextInt(36)));
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  private static Map<String, Object> flag(
      String name, boolean enabled, int rollout, List<String> allowlist) {
    Map<String, Object> flag = new LinkedHashMap<>();
    flag.put("name", name);
    flag.put("enabled", enabled);
    flag.put("rolloutPercentage", rollout);
    flag.put("userAllowlist", allowlist);
    return flag;
  }

  private static Map<String, Object> file(
      String title,
      String description,
      List<Map<String, Object>> flags,
      List<Map<String, Object>> cases) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("specVersion", SPEC_VERSION);
    file.put("kind", "evaluation");
    file.put("title", title);
    file.put("description", description);
    file.put("flags", flags);
    file.put("cases", cases);
    return file;
  }

  private void write(Path path, Map<String, Object> content) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, JSON.writeValueAsString(content) + "\n");
  }
}
