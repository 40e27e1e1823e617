package dev.flagstream.evaluator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class JsonLimitsTest {
  private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

  private JsonMapper mapper() {
    return new JsonLimits()
        .jsonMapperBuilder(
            beans.getBeanProvider(JsonMapperBuilderCustomizer.class), DataSize.ofKilobytes(64))
        .build();
  }

  @Test
  void theParser_refusesDeepNesting_longStrings_andLongDocuments() {
    JsonMapper json = mapper();
    assertThat(json.readTree("[".repeat(16) + "]".repeat(16)).isArray()).isTrue();
    assertThatThrownBy(() -> json.readTree("[".repeat(17) + "]".repeat(17)))
        .isInstanceOf(StreamConstraintsException.class);
    assertThatThrownBy(() -> json.readTree("\"" + "x".repeat(10_001) + "\""))
        .isInstanceOf(StreamConstraintsException.class);
    assertThatThrownBy(() -> json.readTree("[" + "1,".repeat(40_000) + "1]"))
        .isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void bootsCustomizers_stillApply() {
    beans.addBean(
        "strict",
        (JsonMapperBuilderCustomizer)
            builder -> builder.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));
    assertThat(mapper().isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
  }
}
