package dev.flagstream.admin.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagstream.contracts.flag.Flag;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class IfMatchTest {
  private static final Optional<Flag> AT_7 = Optional.of(Flag.builder("a").version(7).build());

  @Test
  void noHeader_alwaysHolds() {
    assertThatCode(() -> IfMatch.check(null, AT_7)).doesNotThrowAnyException();
    assertThatCode(() -> IfMatch.check(" ", Optional.empty())).doesNotThrowAnyException();
  }

  @Test
  void theCurrentTag_orAnyInAList_orStar_holds() {
    assertThatCode(() -> IfMatch.check("\"7\"", AT_7)).doesNotThrowAnyException();
    assertThatCode(() -> IfMatch.check("\"5\", \"7\"", AT_7)).doesNotThrowAnyException();
    assertThatCode(() -> IfMatch.check("*", AT_7)).doesNotThrowAnyException();
  }

  @Test
  void staleWeakOrUnquotedTags_fail() {
    for (String header : new String[] {"\"6\"", "W/\"7\"", "7", "\"77\""}) {
      assertThatThrownBy(() -> IfMatch.check(header, AT_7))
          .isInstanceOf(ErrorResponseException.class)
          .satisfies(
              e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(412));
    }
  }

  @Test
  void anyTag_failsWhenThereIsNoFlag() {
    assertThatThrownBy(() -> IfMatch.check("*", Optional.empty())).hasMessageContaining("412");
  }
}
