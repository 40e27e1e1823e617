package dev.flagstream.evaluator.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reference: OpenAPI 3.1 at {@code /v3/api-docs}, Swagger UI at {@code
 * /swagger-ui/index.html}, generated from the controllers, each operation with the problems it can
 * answer with in the problem+json format of {@link Problems}. Public, like the probes: it describes
 * the API and holds no data; every call it describes still needs its key. {@code
 * springdoc.api-docs.enabled=false} turns it off.
 */
@Configuration
class ApiDocumentation {
  static final String PROBLEM = "Problem";

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "400", "the request is invalid (violations name each field)",
          "401", "no valid SDK key: send one as Authorization: Bearer <key>",
          "403", "this call needs a key of another kind",
          "404", "there is no such flag",
          "503", "the evaluator has no flags yet, or lost them; retry");

  @Bean
  OpenAPI evaluatorApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Flagstream evaluator API")
                .version("1")
                .description(
                    "Evaluates flags for users: one, a batch, a stream for browsers, the snapshot"
                        + " for server SDKs. Every call needs an SDK key: client keys evaluate,"
                        + " server keys also read the snapshot. Errors are RFC 9457 problems whose"
                        + " type is under "
                        + Problems.TYPES
                        + ".")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "sdkKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A client or server SDK key"))
                .addSchemas(PROBLEM, problemSchema()))
        .security(List.of(new SecurityRequirement().addList("sdkKey")));
  }

  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      addProblems(operation);
      return operation;
    };
  }

  static void addProblems(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (Map.Entry<String, String> problem : PROBLEMS.entrySet()) {
      if (!responses.containsKey(problem.getKey())) {
        responses.addApiResponse(
            problem.getKey(),
            problemResponse(Integer.parseInt(problem.getKey()), problem.getValue()));
      }
    }
  }

  private static ApiResponse problemResponse(int status, String description) {
    Map<String, Object> example =
        Map.of(
            "type", Problems.TYPES + Problems.slug(status),
            "status", status,
            "detail", description);
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(Problems.slug(status), new Example().value(example))));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema violation = new ObjectSchema();
    violation.addProperty("field", new StringSchema());
    violation.addProperty("reason", new StringSchema());
    ArraySchema violations = new ArraySchema();
    violations.setItems(violation);
    violations.setDescription("for 400: each field and why");
    ObjectSchema problem = new ObjectSchema();
    problem.setDescription("An RFC 9457 problem; its type follows from the status");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema());
    problem.addProperty("violations", violations);
    return problem;
  }
}
