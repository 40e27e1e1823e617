package dev.flagstream.evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.client.FlagClient;
import dev.flagstream.client.testing.InMemoryFlagClient;
import dev.flagstream.contracts.flag.Flag;
import dev.flagstream.evaluator.EvaluatorApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The HTTP contract of the evaluation API, with the store replaced by the in-memory client: pure
 * request handling, no broker needed (the platform tests cover the real store).
 */
@SpringBootTest(
    classes = {EvaluatorApplication.class, EvaluationApiTest.Store.class},
    properties = {
      "spring.config.name=" + EvaluatorApplication.CONFIG_NAME,
      "flags.keys.server=server-key",
      "flags.keys.client=client-key",
      "spring.main.allow-bean-definition-overriding=true"
    })
@AutoConfigureMockMvc
class EvaluationApiTest {
  private static final UUID LISTED = UUID.randomUUID();

  @TestConfiguration
  static class Store {
    @Bean
    @Primary
    FlagClient flagClient() {
      return new InMemoryFlagClient()
          .enable("on")
          .set(
              Flag.builder("listed")
                  .enabled(true)
                  .rolloutPercentage(0)
                  .userAllowlist(List.of(LISTED))
                  .build());
    }
  }

  @Autowired MockMvc mvc;

  private MockHttpServletResponse get(String path, String key, String... headers) throws Exception {
    var request = MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + key);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse post(String path, String key, String json) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + key)
                .contentType("application/json")
                .content(json))
        .andReturn()
        .getResponse();
  }

  @Test
  void oneFlag_evaluatesForTheUser_andUnknownFlagsAreOffNotErrors() throws Exception {
    assertThat(
            get("/api/flags/listed/evaluation?userId=" + LISTED, "client-key").getContentAsString())
        .contains("\"value\":true")
        .contains("\"reason\":\"ALLOWLISTED\"");
    assertThat(get("/api/flags/nope/evaluation", "server-key").getContentAsString())
        .contains("\"value\":false")
        .contains("FLAG_NOT_FOUND");
  }

  @Test
  void manyFlags_inOneResponse_allWhenNoneAreNamed() throws Exception {
    var response = post("/api/evaluations", "client-key", "{\"userId\":\"someone\"}");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .contains("\"on\":{\"flag\":\"on\",\"value\":true")
        .contains("\"listed\":{\"flag\":\"listed\",\"value\":false");
  }

  @Test
  void badRequests_getProblems() throws Exception {
    var unknownField = post("/api/evaluations", "client-key", "{\"user\":\"someone\"}");
    assertThat(unknownField.getStatus()).isEqualTo(400);
    assertThat(unknownField.getContentType()).startsWith("application/problem+json");
    StringBuilder names = new StringBuilder();
    for (int i = 0; i <= EvaluationController.MAX_FLAGS_PER_REQUEST; i++) {
      names.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
    }
    var tooMany =
        post("/api/evaluations", "client-key", "{\"userId\":\"u\",\"flags\":[" + names + "]}");
    assertThat(tooMany.getStatus()).isEqualTo(400);
    assertThat(tooMany.getContentAsString()).contains("at most 1000");
  }

  @Test
  void theSnapshot_isForServerKeys_andAnswersNotModifiedForItsDigest() throws Exception {
    assertThat(get("/api/flags/snapshot", "client-key").getStatus()).isEqualTo(403);
    var snapshot = get("/api/flags/snapshot", "server-key");
    assertThat(snapshot.getStatus()).isEqualTo(200);
    assertThat(
            get("/api/flags/snapshot", "server-key", "If-None-Match", snapshot.getHeader("ETag"))
                .getStatus())
        .isEqualTo(304);
  }
}
