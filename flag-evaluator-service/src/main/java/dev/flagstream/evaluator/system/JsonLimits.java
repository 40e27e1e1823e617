package dev.flagstream.evaluator.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the evaluator reads is small (a user id and up to 1000 flag names), so its parser is
 * held to explicit limits rather than Jackson's generous defaults: strings of at most {@value
 * #MAX_STRING_LENGTH} characters, nesting of at most {@value #MAX_NESTING_DEPTH} levels, and a
 * document no longer than the body limit. Spring Boot's builder offers no setting for these, so
 * this builder starts from a factory that has them and then applies Boot's customizers as usual.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {
  static final int MAX_STRING_LENGTH = 10_000;
  static final int MAX_NESTING_DEPTH = 16;
  static final int MAX_NAME_LENGTH = 256;

  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(
      ObjectProvider<JsonMapperBuilderCustomizer> customizers,
      @Value("${flags.http.max-body-size:64KB}") DataSize maxBodySize) {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(maxBodySize.toBytes())
            .build();
    JsonMapper.Builder builder =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }
}
