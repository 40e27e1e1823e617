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

  @ParameterizedTest(name = "token {0}, held {1}: reached {2}")
  @CsvSource(
      nullValues = "nothing",
      value = {
        // an upsert is reached by that version or any later state, never by no flag
        "a@5, nothing, false",
        "a@5, FLAG 4, false",
        "a@5, DELETED 4, false",
        "a@5, ABSENT 5, false",
        "a@5, ABSENT 6, false",
        "a@5, FLAG 5, true",
        "a@5, DELETED 5, true",
        "a@5, FLAG 6, true",
        // a delete is reached by its own marker, anything later, or no flag at all
        "a@5:deleted, nothing, true",
        "a@5:deleted, ABSENT 4, true",
        "a@5:deleted, ABSENT 5, true",
        "a@5:deleted, FLAG 5, false",
        "a@5:deleted, DELETED 4, false",
        "a@5:deleted, DELETED 5, true",
        "a@5:deleted, FLAG 6, true"
      })
  void isReachedBy_followsTheChangeOrder(String token, String held, boolean reached) {
    assertThat(RevisionToken.parseAll(token).get(0).isReachedBy(ChangeOrderTest.held(held)))
        .isEqualTo(reached);
  }
}
