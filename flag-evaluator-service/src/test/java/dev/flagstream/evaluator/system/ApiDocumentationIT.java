package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.evaluator.fixtures.EvaluatorTest;
import dev.flagstream.evaluator.fixtures.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The API reference: public, OpenAPI 3.1, and complete. */
@EvaluatorTest
class ApiDocumentationIT {
  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void apiDocs_withoutAKey_isOpenApi31WithTheProblemType() {
    RawHttp http = new RawHttp(port);
    RawHttp.Reply docs = http.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
    assertThat(
            docs.json()
                .at("/paths/~1api~1flags~1{name}~1evaluation/get/responses/401/content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void apiDocs_documentEveryEndpointOfTheApi() {
    JsonNode paths = new RawHttp(port).get("/v3/api-docs").json().get("paths");
    List<String> undocumented = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (mapping, handler) -> {
              Class<?> type = handler.getBeanType();
              if (!type.getPackageName().startsWith("dev.flagstream.evaluator")
                  || !type.isAnnotationPresent(RestController.class)) {
                return;
              }
              for (String path : mapping.getPatternValues()) {
                if (path.equals("/error")) {
                  continue; // where errors are rendered, not an endpoint of the API
                }
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                  if (paths
                      .path(path)
                      .path(method.name().toLowerCase(Locale.ROOT))
                      .isMissingNode()) {
                    undocumented.add(method + " " + path);
                  }
                }
              }
            });

    assertThat(undocumented).isEmpty();
  }
}
