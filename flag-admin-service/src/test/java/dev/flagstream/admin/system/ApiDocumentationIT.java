package dev.flagstream.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.admin.fixtures.AdminServiceIntegration;
import dev.flagstream.admin.fixtures.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The API reference: public, OpenAPI 3.1, and complete. */
class ApiDocumentationIT extends AdminServiceIntegration {
  @Test
  void apiDocs_anonymous_isOpenApi31WithTheProblemType() {
    Response docs = anonymous.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
    assertThat(docs.json().at("/components/schemas/Problem/properties/violations").isMissingNode())
        .isFalse();
    assertThat(
            docs.json()
                .at("/paths/~1api~1admin~1flags~1{name}/get/responses/404/content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(docs.json().at("/components/schemas/Flag/example/name").asString())
        .isEqualTo("new-checkout");
    assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void apiDocs_documentEveryEndpointOfTheApi() {
    JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
    List<String> undocumented = new ArrayList<>();
    context()
        .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods()
        .forEach(
            (mapping, handler) -> {
              if (!isApi(handler)) {
                return;
              }
              for (String path : mapping.getPatternValues()) {
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                  JsonNode operation =
                      paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                  if (operation.isMissingNode()) {
                    undocumented.add(method + " " + path);
                  }
                }
              }
            });

    assertThat(undocumented).isEmpty();
  }

  @Test
  void apiDocs_leaveTheConsolesPagesOut() {
    JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");

    assertThat(paths.has("/flags")).isFalse();
    assertThat(paths.has("/login")).isFalse();
    assertThat(paths.has("/api/admin/flags")).isTrue();
  }

  /**
   * Controllers of the service's own API, not Spring's nor springdoc's, nor the console's pages.
   */
  private static boolean isApi(HandlerMethod handler) {
    Class<?> type = handler.getBeanType();
    return type.getPackageName().startsWith("dev.flagstream.admin")
        && type.isAnnotationPresent(RestController.class);
  }
}
