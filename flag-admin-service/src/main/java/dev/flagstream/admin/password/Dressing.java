package dev.flagstream.admin.password;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How people dress up a weak password to pass rules, undone: case, digits and symbols put before or
 * after it, leetspeak, repetition. Guessing tools undo these first, so a password that is a common
 * one once they are undone is as weak as the common one.
 */
final class Dressing {
  // The substitutions of leetspeak that stand for one letter each.
  private static final String LEET = "@4310!$57";
  private static final String LETTERS = "aaeioisst";

  private Dressing() {}

  /**
   * The forms of {@code password} worth checking, none empty: in lower case; without the run of
   * non-letters before it, after it, or both; and each of these with leetspeak read as letters,
   * again with and without what surrounds it, since a leet symbol may also have been put around.
   */
  static Set<String> forms(String password) {
    Set<String> forms = new LinkedHashSet<>();
    for (String form : undressed(password.toLowerCase(Locale.ROOT))) {
      forms.add(form);
      forms.addAll(undressed(unleet(form)));
    }
    forms.remove("");
    return forms;
  }

  /** {@code text} as it is, without what precedes its first letter, follows its last, or both. */
  static List<String> undressed(String text) {
    String leading = stripLeading(text);
    return List.of(text, leading, stripTrailing(text), stripTrailing(leading));
  }

  static String stripLeading(String text) {
    int start = 0;
    while (start < text.length() && !Character.isLetter(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    return text.substring(start);
  }

  static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && !Character.isLetter(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(0, end);
  }

  /** {@code text} with each leetspeak symbol replaced by the letter it stands for. */
  static String unleet(String text) {
    StringBuilder letters = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int leet = LEET.indexOf(c);
      letters.append(leet < 0 ? c : LETTERS.charAt(leet));
    }
    return letters.toString();
  }

  /** The shortest piece that {@code text} is two or more copies of, if it is such copies. */
  static Optional<String> repeatedPiece(String text) {
    // text is k copies of a piece exactly when it occurs in text+text before position length
    int period = (text + text).indexOf(text, 1);
    return period < text.length() ? Optional.of(text.substring(0, period)) : Optional.empty();
  }
}
