package dev.flagstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagstream.e2e.fixtures.Http;
import dev.flagstream.e2e.fixtures.ImagePlatform;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform from the images this build made, in containers, as docker-compose.yml runs it: a
 * flag written through the admin service is read from the evaluator with the write's revision. Runs
 * only with -Dflagstream.infrastructure=containers, which needs Docker (CI's Testcontainers job).
 */
class PlatformFromImagesContainersIT {
  private static ImagePlatform platform;

  @BeforeAll
  static void start() {
    platform =
        ImagePlatform.start(
            Path.of(System.getProperty("flagstream.admin.image")),
            Path.of(System.getProperty("flagstream.evaluator.image")));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aFlagWrittenThroughTheAdminImage_isReadFromTheEvaluatorImage() {
    Http admin = new Http(platform.adminUrl(), platform.credentials().token());
    Http sdk = new Http(platform.evaluatorUrl(), platform.credentials().serverKey());
    Http.Reply created =
        admin.post("/api/admin/flags", "{\"name\":\"from-images\",\"enabled\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String revision = created.header("Flagstream-Revision");
    Http.Reply evaluated =
        sdk.send(
            "GET",
            "/api/flags/from-images/evaluation?userId=u-1",
            null,
            "Flagstream-Revision",
            revision);
    assertThat(evaluated.status()).isEqualTo(200);
    assertThat(evaluated.json().path("value").asBoolean()).isTrue();
    assertThat(evaluated.json().path("revisionReached").asBoolean()).isTrue();
  }
}
