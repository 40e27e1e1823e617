package dev.flagstream.admin.system;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API reference: OpenAPI 3.1 at {@code /v3/api-docs}, Swagger UI at {@code
 * /swagger-ui/index.html}, generated from the controllers. Every operation lists the problems it
 * can answer with, in the problem+json format of {@link Problems}, with an example each.
 *
 * <p>The reference is public, as the API it describes is documented in the open: it holds no data,
 * and a call made from Swagger UI is authorised like any other (a session's cookie and CSRF token,
 * or a bearer token). {@code springdoc.api-docs.enabled=false} turns it off.
 */
@Configuration
class ApiDocumentation {
  /** After single sign-on's and the console's chains, before the API's. */
  static final int ORDER = 30;

  static final String PROBLEM = "Problem";

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "400", "the request is invalid; nothing was changed (violations name each field)",
          "401", "no valid credentials: sign in or send an API token",
          "403", "the caller's role may not do this, or a session's write lacks its CSRF token",
          "404", "there is no such thing",
          "409", "the change conflicts with what is stored; nothing was changed",
          "412", "If-Match names a version the flag is no longer at; nothing was changed",
          "429", "too many attempts: retry after the seconds in Retry-After");

  @Bean
  @Order(ORDER)
  SecurityFilterChain apiDocumentationChain(HttpSecurity http) throws Exception {
    // Only reads of static documents, answered the same to everyone: nothing to protect here.
    return http.securityMatcher(
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  OpenAPI adminApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Flagstream admin API")
                .version("1")
                .description(
                    "Flags, their audit log, accounts, tokens and sessions. Reads need the VIEWER"
                        + " role, flag writes EDITOR, the rest ADMIN. Errors are RFC 9457 problems"
                        + " whose type is under "
                        + Problems.TYPES
                        + ".")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token (fst_…), or a server or metrics key"))
                .addSecuritySchemes(
                    "session",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("__Host-FLAGSTREAM_SESSION")
                        .description(
                            "A browser session from POST /api/auth/login; writes also send"
                                + " X-XSRF-TOKEN"))
                .addSchemas(PROBLEM, problemSchema()))
        .security(
            List.of(
                new SecurityRequirement().addList("token"),
                new SecurityRequirement().addList("session")));
  }

  /** An example of the schemas people read most: a flag as the API answers it. */
  @Bean
  OpenApiCustomizer examples() {
    return api -> {
      if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
        return;
      }
      Schema<?> flag = api.getComponents().getSchemas().get("Flag");
      if (flag != null) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("name", "new-checkout");
        example.put("description", "The new checkout flow");
        example.put("enabled", true);
        example.put("rolloutPercentage", 25);
        example.put("userAllowlist", List.of("0b8a7c1e-5f0a-4d5e-9d63-0c3a8e2f6b11"));
        example.put("metadata", Map.of("team", "payments", "critical", true));
        example.put("version", 3);
        example.put("createdAt", "2026-11-30T09:00:00Z");
        example.put("updatedAt", "2026-11-30T10:15:00Z");
        example.put("createdBy", "5f0a0b8a-7c1e-4d5e-9d63-0c3a8e2f6b11");
        flag.setExample(example);
      }
    };
  }

  /** Adds the problems every operation can answer with, beside what it answers on success. */
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
            problem.getKey(), problemResponse(problem.getKey(), problem.getValue()));
      }
    }
  }

  private static ApiResponse problemResponse(String status, String description) {
    int code = Integer.parseInt(status);
    Map<String, Object> example =
        code == 400
            ? Map.of(
                "type",
                Problems.typeOf(code).toString(),
                "title",
                "Invalid request",
                "status",
                code,
                "detail",
                "rolloutPercentage must be between 0 and 100",
                "violations",
                List.of(
                    Map.of("field", "rolloutPercentage", "reason", "must be between 0 and 100")))
            : Map.of(
                "type", Problems.typeOf(code).toString(),
                "status", code,
                "detail", description);
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples(Problems.slug(code), new Example().value(example))));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema violation = new ObjectSchema();
    violation.addProperty("field", new StringSchema());
    violation.addProperty("reason", new StringSchema());
    ArraySchema violations = new ArraySchema();
    violations.setItems(violation);
    violations.setDescription("for 400: each field and why");
    ObjectSchema problem = new ObjectSchema();
    problem.setDescription("An RFC 9457 problem; its type follows from the status alone");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema());
    problem.addProperty("violations", violations);
    return problem;
  }
}
