package dev.flagstream.contracts.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionTokenTest {

  @Test
  void text_roundTrips_forWritesAndDeletes_andSeveralJoinedByCommas() {
    List<RevisionToken> tokens =
        List.of(RevisionToken.written("new-checkout", 17), RevisionToken.deletedAt("old.x_y", 4));
    String text = String.join(",", tokens.stream().map(RevisionToken::toString).toList());

    assertThat(text).isEqualTo("new-checkout@17,old.x_y@4:deleted");
    assertThat(RevisionToken.parseAll(text)).isEqualTo(tokens);
    assertThat(RevisionToken.parseAll(" a@1 , b@2 ")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "a@",
        "@1",
        "A@1",
        "a@-1",
        "a@1x",
        "a@1:gone",
        "a@1,",
        "a@1,,b@2",
        "a@1234567890123456789"
      })
  void parseAll_refusesWhatIsNoToken(String text) {
    assertThatThrownBy(() -> RevisionToken.parseAll(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a revision token");
  }

  @Test
  void negativeVersions_areRefused() {
    assertThatThrownBy(() -> RevisionToken.written("a", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "token {0}, held {1} v{2} deleted={3}: reached {4}")
  @CsvSource({
    // an upsert is reached by that version or any later state, never by nothing
    "a@5, false, 0, false, false",
    "a@5, true, 4, false, false",
    "a@5, true, 4, true, false",
    "a@5, true, 5, false, true",
    "a@5, true, 5, true, true",
    "a@5, true, 6, false, true",
    // a delete is reached by its own marker, anything later, or nothing held at all
    "a@5:deleted, false, 0, false, true",
    "a@5:deleted, true, 5, false, false",
    "a@5:deleted, true, 4, true, false",
    "a@5:deleted, true, 5, true, true",
    "a@5:deleted, true, 6, false, true"
  })
  void isReachedBy_followsTheChangeOrder(
      String token, boolean held, long version, boolean deleted, boolean reached) {
    assertThat(RevisionToken.parseAll(token).get(0).isReachedBy(held, version, deleted))
        .isEqualTo(reached);
  }
}
