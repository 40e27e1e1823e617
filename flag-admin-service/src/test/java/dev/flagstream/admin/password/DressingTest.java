package dev.flagstream.admin.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DressingTest {

  @Test
  void stripping_removesNonLettersBeforeTheFirstLetterAndAfterTheLast_only() {
    assertThat(Dressing.stripLeading("12!ab3c4")).isEqualTo("ab3c4");
    assertThat(Dressing.stripTrailing("12!ab3c4")).isEqualTo("12!ab3c");
    assertThat(Dressing.stripLeading("abc")).isEqualTo("abc");
    assertThat(Dressing.stripTrailing("abc")).isEqualTo("abc");
    assertThat(Dressing.stripLeading("123")).isEmpty();
    assertThat(Dressing.stripTrailing("123")).isEmpty();
    assertThat(Dressing.stripLeading("")).isEmpty();
    assertThat(Dressing.stripTrailing("")).isEmpty();
  }

  @Test
  void stripping_takesCharactersOutsideTheBasicPlaneWhole() {
    assertThat(Dressing.stripLeading("🔑🔑key")).isEqualTo("key");
    assertThat(Dressing.stripTrailing("key🔑🔑")).isEqualTo("key");
    assertThat(Dressing.stripLeading("𝒜bc"))
        .as("a letter outside the basic plane")
        .isEqualTo("𝒜bc");
    assertThat(Dressing.stripTrailing("ab𝒞")).isEqualTo("ab𝒞");
  }

  @Test
  void unleet_readsEachSubstitutionAsItsLetter() {
    assertThat(Dressing.unleet("@4310!$57")).isEqualTo("aaeioisst");
    assertThat(Dressing.unleet("p@ssw0rd")).isEqualTo("password");
    assertThat(Dressing.unleet("plain-2-8-9")).isEqualTo("plain-2-8-9");
  }

  @Test
  void repeatedPiece_isTheShortestPieceTheTextIsCopiesOf() {
    assertThat(Dressing.repeatedPiece("abab")).contains("ab");
    assertThat(Dressing.repeatedPiece("aaaa")).contains("a");
    assertThat(Dressing.repeatedPiece("abcabcabc")).contains("abc");
    assertThat(Dressing.repeatedPiece("abcab")).isEmpty();
    assertThat(Dressing.repeatedPiece("a")).isEmpty();
  }

  @Test
  void forms_areLowerCase_undressed_andUnleeted_neverEmpty() {
    assertThat(Dressing.forms("12P@ss!"))
        .containsExactlyInAnyOrder(
            "12p@ss!", "p@ss!", "12p@ss", "p@ss", "i2passi", "passi", "i2pass", "pass");
    assertThat(Dressing.forms("2024")).containsExactlyInAnyOrder("2024", "2o2a", "o2a");
  }
}
