package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.account.TestAccounts;
import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input gets a problem naming the field and the reason, and changes nothing. */
class FlagBadInputIT extends AdminServiceIntegration {

  @BeforeEach
  void existingFlag() {
    assertThat(editor.post("/api/admin/flags", "{\"name\":\"existing\",\"enabled\":true}").status())
        .isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing name                  | {}                                              | name",
        "null name                     | {\"name\":null}                                 | name",
        "name not a string             | {\"name\":42}                                   | name",
        "uppercase name                | {\"name\":\"NewCheckout\"}                      | name",
        "name with a space             | {\"name\":\"new checkout\"}                     | name",
        "name starting with a dash     | {\"name\":\"-x\"}                               | name",
        "rollout over 100              | {\"name\":\"a\",\"rolloutPercentage\":101}      | rolloutPercentage",
        "rollout negative              | {\"name\":\"a\",\"rolloutPercentage\":-1}       | rolloutPercentage",
        "rollout a fraction            | {\"name\":\"a\",\"rolloutPercentage\":50.5}     | rolloutPercentage",
        "rollout a string              | {\"name\":\"a\",\"rolloutPercentage\":\"50\"}   | rolloutPercentage",
        "rollout huge                  | {\"name\":\"a\",\"rolloutPercentage\":99999999999} | rolloutPercentage",
        "enabled a string              | {\"name\":\"a\",\"enabled\":\"yes\"}            | enabled",
        "description not a string      | {\"name\":\"a\",\"description\":[]}             | description",
        "allowlist not an array        | {\"name\":\"a\",\"userAllowlist\":\"u\"}        | userAllowlist",
        "allowlist entry not a UUID    | {\"name\":\"a\",\"userAllowlist\":[\"6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c\",\"ada\"]} | userAllowlist[1]",
        "allowlist entry a number      | {\"name\":\"a\",\"userAllowlist\":[7]}          | userAllowlist[0]",
        "metadata an array             | {\"name\":\"a\",\"metadata\":[1]}               | metadata",
        "metadata a string             | {\"name\":\"a\",\"metadata\":\"{}\"}            | metadata",
        "unknown field                 | {\"name\":\"a\",\"owner\":\"me\"}               | owner",
        "read-only version             | {\"name\":\"a\",\"version\":99}                 | version",
        "read-only createdBy           | {\"name\":\"a\",\"createdBy\":\"6f1c2b3a-9d4e-4f5a-8b6c-7d8e9f0a1b2c\"} | createdBy",
        "body an array                 | []                                              | ''",
      })
  void create_refusesBadInput(String label, String body, String field) {
    invalid(
        unchanged(() -> editor.post("/api/admin/flags", body)), field.equals("''") ? "" : field);
  }

  @Test
  void create_reportsEveryBadFieldAtOnce() {
    Response response =
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flags",
                    "{\"name\":\"Bad\",\"rolloutPercentage\":300,\"enabled\":1,\"extra\":true}"));
    invalid(response, "name", "rolloutPercentage", "enabled", "extra");
  }

  @Test
  void create_refusesTooLongNamesAndDescriptions() {
    invalid(
        unchanged(() -> editor.post("/api/admin/flags", "{\"name\":\"" + "a".repeat(129) + "\"}")),
        "name");
    invalid(
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flags",
                    "{\"name\":\"a\",\"description\":\"" + "d".repeat(1001) + "\"}")),
        "description");
  }

  @Test
  void create_refusesOversizedAndTooDeepMetadata() {
    String big = "{\"name\":\"a\",\"metadata\":{\"k\":\"" + "v".repeat(17_000) + "\"}}";
    JsonNode body = problem(unchanged(() -> editor.post("/api/admin/flags", big)), 400);
    assertThat(body.get("violations").get(0).get("reason").asString()).contains("16384 bytes");
    String deep =
        "{\"name\":\"a\",\"metadata\":" + "{\"k\":".repeat(17) + "1" + "}".repeat(17) + "}";
    invalid(unchanged(() -> editor.post("/api/admin/flags", deep)), "metadata");
  }

  @Test
  void create_refusesMoreThanTenThousandAllowlistEntries() {
    String entries =
        IntStream.range(0, 10_001)
            .mapToObj(i -> String.format("\"00000000-0000-4000-8000-%012d\"", i))
            .collect(Collectors.joining(","));
    Response response =
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flags", "{\"name\":\"a\",\"userAllowlist\":[" + entries + "]}"));
    invalid(response, "userAllowlist");
  }

  @Test
  void malformedJson_isA400NamingTheBody() {
    invalid(unchanged(() -> editor.post("/api/admin/flags", "{\"name\":")), "");
    invalid(unchanged(() -> editor.post("/api/admin/flags", "not json")), "");
    invalid(unchanged(() -> editor.post("/api/admin/flags", "")), "");
  }

  @Test
  void wrongContentType_is415() {
    problem(
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flags",
                    "name=a",
                    "Content-Type",
                    "application/x-www-form-urlencoded")),
        415);
  }

  @Test
  void problems_areProblemJson_whateverTheClientAccepts() {
    problem(viewer.get("/api/admin/flags/nope", "Accept", "text/html"), 404);
    problem(
        unchanged(
            () -> editor.post("/api/admin/flags", "{\"name\":1}", "Accept", "application/xml")),
        400);
  }

  @Test
  void oversizedBodies_are413_whetherDeclaredOrChunked() {
    String huge = "{\"name\":\"a\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
    problem(unchanged(() -> editor.post("/api/admin/flags", huge)), 413);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(editor.baseUrl() + "/api/admin/flags"))
            .header("Authorization", "Bearer " + TestAccounts.EDITOR_TOKEN)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(huge.getBytes())))
            .build();
    problem(unchanged(() -> editor.send(chunked)), 413);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rename                 | {\"name\":\"b\"}                          | name",
        "enabled via patch      | {\"enabled\":false}                       | enabled",
        "rollout via patch      | {\"rolloutPercentage\":5}                 | rolloutPercentage",
        "unknown field          | {\"color\":\"red\"}                       | color",
        "bad allowlist          | {\"userAllowlist\":[\"x\"]}               | userAllowlist[0]",
        "metadata not an object | {\"metadata\":true}                       | metadata",
        "body a string          | \"description\"                           | ''",
      })
  void patch_refusesBadInput(String label, String body, String field) {
    invalid(
        unchanged(() -> editor.patch("/api/admin/flags/existing", body)),
        field.equals("''") ? "" : field);
  }

  @Test
  void patch_pointsToTheEndpointsForEnabledAndRollout() {
    JsonNode body = problem(editor.patch("/api/admin/flags/existing", "{\"enabled\":false}"), 400);
    assertThat(body.get("violations").get(0).get("reason").asString()).contains("/toggle");
  }

  @Test
  void toggle_refusesBadInput() {
    invalid(
        unchanged(() -> editor.post("/api/admin/flags/existing/toggle", "{\"enabled\":\"no\"}")),
        "enabled");
    invalid(
        unchanged(() -> editor.post("/api/admin/flags/existing/toggle", "{\"on\":true}")), "on");
  }

  @Test
  void rollout_refusesBadInput() {
    invalid(
        unchanged(() -> editor.put("/api/admin/flags/existing/rollout", "{}")),
        "rolloutPercentage");
    invalid(unchanged(() -> editor.put("/api/admin/flags/existing/rollout", null)), "");
    invalid(
        unchanged(
            () -> editor.put("/api/admin/flags/existing/rollout", "{\"rolloutPercentage\":101}")),
        "rolloutPercentage");
    invalid(
        unchanged(
            () -> editor.put("/api/admin/flags/existing/rollout", "{\"rolloutPercentage\":\"x\"}")),
        "rolloutPercentage");
  }

  @Test
  void revert_refusesEntriesOfOtherFlagsAndNonsense() {
    assertThat(editor.post("/api/admin/flags", "{\"name\":\"other\"}").status()).isEqualTo(201);
    long otherEntry = jdbc.sql("SELECT max(id) FROM audit_log").query(Long.class).single();
    invalid(
        unchanged(
            () ->
                editor.post(
                    "/api/admin/flags/existing/revert", "{\"auditId\":" + otherEntry + "}")),
        "auditId");
    invalid(unchanged(() -> editor.post("/api/admin/flags/existing/revert", "{}")), "auditId");
    invalid(
        unchanged(() -> editor.post("/api/admin/flags/existing/revert", "{\"auditId\":\"x\"}")),
        "auditId");
    invalid(
        unchanged(() -> editor.post("/api/admin/flags/existing/revert", "{\"auditId\":999999}")),
        "auditId");
  }
}
