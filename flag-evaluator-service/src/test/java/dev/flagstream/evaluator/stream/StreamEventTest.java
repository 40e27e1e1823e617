package dev.flagstream.evaluator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events as the stream carries them: the event-stream format, with JSON data on one line. */
class StreamEventTest {
  private static String text(StreamEvent event) {
    return new String(event.encoded(), StandardCharsets.UTF_8);
  }

  @Test
  void aFlagEvent_hasTheRevisionAsItsId_andItsFieldsInOrder() {
    StreamEvent event = StreamEvent.flag("new-checkout", true, true, 42);

    assertThat(text(event))
        .isEqualTo(
            "id:42\nevent:flag\ndata:{\"flag\":\"new-checkout\",\"value\":true,"
                + "\"exists\":true,\"revision\":42}\n\n");
    assertThat(event.encoded()).as("encoded once").isSameAs(event.encoded());
  }

  @Test
  void aSnapshot_saysWhetherTheRevisionWasReached_onlyWhenAsked() {
    assertThat(text(StreamEvent.snapshot(7, Map.of("a", false), null)))
        .isEqualTo("id:7\nevent:snapshot\ndata:{\"revision\":7,\"values\":{\"a\":false}}\n\n");
    assertThat(text(StreamEvent.snapshot(7, Map.of("é \"q\"", true), true)))
        .isEqualTo(
            "id:7\nevent:snapshot\ndata:{\"revision\":7,\"values\":{\"é \\\"q\\\"\":true},"
                + "\"revisionReached\":true}\n\n");
  }

  @Test
  void aHeartbeat_isAComment() {
    StreamEvent heartbeat = StreamEvent.heartbeat();
    assertThat(text(heartbeat)).isEqualTo(":heartbeat\n\n");
    assertThat(heartbeat.name()).isNull();
    assertThat(heartbeat.revision()).isNull();
  }
}
