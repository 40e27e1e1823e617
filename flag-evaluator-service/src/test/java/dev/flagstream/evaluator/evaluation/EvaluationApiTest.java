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
import org.springframework.test.web.servlet.MockMvc;

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

  @Test
  void oneFlag_evaluatesForTheUser_andUnknownFlagsAreOffNotErrors() throws Exception {
    String body =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/flags/listed/evaluation")
                    .param("userId", LISTED.toString())
                    .header("Authorization", "Bearer client-key"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("\"value\":true").contains("\"reason\":\"ALLOWLISTED\"");
    String unknown =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/flags/nope/evaluation")
                    .header("Authorization", "Bearer server-key"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(unknown).contains("\"value\":false").contains("FLAG_NOT_FOUND");
  }

  @Test
  void manyFlags_inOneResponse_allWhenNoneAreNamed() throws Exception {
    var response =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/evaluations")
                    .header("Authorization", "Bearer client-key")
                    .contentType("application/json")
                    .content("{\"userId\":\"someone\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .contains("\"on\":{\"flag\":\"on\",\"value\":true")
        .contains("\"listed\":{\"flag\":\"listed\",\"value\":false");
  }

  @Test
  void badRequests_getProblems() throws Exception {
    var unknownField =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/evaluations")
                    .header("Authorization", "Bearer client-key")
                    .contentType("application/json")
                    .content("{\"user\":\"someone\"}"))
            .andReturn()
            .getResponse();
    assertThat(unknownField.getStatus()).isEqualTo(400);
    assertThat(unknownField.getContentType()).startsWith("application/problem+json");
    StringBuilder names = new StringBuilder();
    for (int i = 0; i <= EvaluationController.MAX_FLAGS_PER_REQUEST; i++) {
      names.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
    }
    var tooMany =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/evaluations")
                    .header("Authorization", "Bearer client-key")
                    .contentType("application/json")
                    .content("{\"userId\":\"u\",\"flags\":[" + names + "]}"))
            .andReturn()
            .getResponse();
    assertThat(tooMany.getStatus()).isEqualTo(400);
    assertThat(tooMany.getContentAsString()).contains("at most 1000");
  }

  @Test
  void theSnapshot_isForServerKeys_andAnswersNotModifiedForItsDigest() throws Exception {
    var forbidden =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/flags/snapshot")
                    .header("Authorization", "Bearer client-key"))
            .andReturn()
            .getResponse();
    assertThat(forbidden.getStatus()).isEqualTo(403);
    var snapshot =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/flags/snapshot")
                    .header("Authorization", "Bearer server-key"))
            .andReturn()
            .getResponse();
    assertThat(snapshot.getStatus()).isEqualTo(200);
    String etag = snapshot.getHeader("ETag");
    var unchanged =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/flags/snapshot")
                    .header("Authorization", "Bearer server-key")
                    .header("If-None-Match", etag))
            .andReturn()
            .getResponse();
    assertThat(unchanged.getStatus()).isEqualTo(304);
  }
}
