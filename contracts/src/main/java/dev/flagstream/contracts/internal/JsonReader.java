package dev.flagstream.contracts.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON text (RFC 8259) from UTF-8 bytes, value by value, as the contracts' codecs walk
 * their schemas: strict about syntax (no comments, trailing commas, leading zeros, unescaped
 * control characters, invalid UTF-8 or content after the value), and at most {@value #MAX_DEPTH}
 * arrays and objects deep. Every refusal is an {@link InvalidJsonException} naming the byte offset.
 * Not thread-safe: one reader per text.
 *
 * <p>Objects are walked with {@link #beginObject()} and then {@link #nextName()} until it returns
 * null; arrays with {@link #beginArray()} and then {@link #hasNext()} until it returns false. Each
 * must be called exactly once before each member or element is read.
 */
public final class JsonReader {
  /** How deeply arrays and objects may nest. */
  public static final int MAX_DEPTH = 256;

  private final byte[] in;
  private int pos;
  private int depth;
  private final boolean[] first = new boolean[MAX_DEPTH + 1];

  private JsonReader(byte[] in) {
    this.in = in;
  }

  /** A reader of {@code json}, which it does not copy: leave the array unchanged meanwhile. */
  public static JsonReader of(byte[] json) {
    return new JsonReader(json);
  }

  /** A reader of {@code json}. */
  public static JsonReader of(String json) {
    return new JsonReader(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the whole text as one value: maps, lists, strings, numbers, booleans and nulls. */
  public static @Nullable Object parse(byte[] json) {
    JsonReader reader = of(json);
    Object value = reader.readValue();
    reader.endOfInput();
    return value;
  }

  /** Starts an object. */
  public void beginObject() {
    expectStart('{', "an object");
    enter();
  }

  /**
   * The name of the object's next member, its value to be read next, or null at the end of the
   * object, which it then leaves.
   */
  public @Nullable String nextName() {
    skipWhitespace();
    if (pos < in.length && in[pos] == '}') {
      pos++;
      depth--;
      return null;
    }
    separator();
    skipWhitespace();
    if (pos >= in.length || in[pos] != '"') {
      throw error("expected a property name");
    }
    String name = string();
    skipWhitespace();
    if (pos >= in.length || in[pos] != ':') {
      throw error("expected ':' after a property name");
    }
    pos++;
    return name;
  }

  /** Starts an array. */
  public void beginArray() {
    expectStart('[', "an array");
    enter();
  }

  /** Whether the array has another element, to be read next; false at its end, which it leaves. */
  public boolean hasNext() {
    skipWhitespace();
    if (pos < in.length && in[pos] == ']') {
      pos++;
      depth--;
      return false;
    }
    separator();
    return true;
  }

  /** Whether the next value is {@code null}; if so, it is read. */
  public boolean nextIsNull() {
    skipWhitespace();
    if (pos < in.length && in[pos] == 'n') {
      literal("null");
      return true;
    }
    return false;
  }

  /** Reads a string. */
  public String readString() {
    skipWhitespace();
    if (pos >= in.length || in[pos] != '"') {
      throw error("expected a string");
    }
    return string();
  }

  /** Reads {@code true} or {@code false}. */
  public boolean readBoolean() {
    skipWhitespace();
    if (pos < in.length && in[pos] == 't') {
      literal("true");
      return true;
    }
    if (pos < in.length && in[pos] == 'f') {
      literal("false");
      return false;
    }
    throw error("expected true or false");
  }

  /**
   * Reads a number that is an integer within the range of a {@code long}; {@code 2.0} and {@code
   * 2e1} are integers, {@code 2.5} is not.
   */
  public long readLong() {
    skipWhitespace();
    int start = pos;
    if (pos < in.length && in[pos] != '-' && (in[pos] < '0' || in[pos] > '9')) {
      throw error("expected a number");
    }
    String number = number();
    if (number.length() <= 18 && isIntegerSyntax(number)) {
      return Long.parseLong(number);
    }
    try {
      return new BigDecimal(number).longValueExact();
    } catch (ArithmeticException e) {
      pos = start;
      throw error("expected an integer within 64 bits, got " + number);
    }
  }

  /** Reads a number that is an integer within the range of an {@code int}. */
  public int readInt() {
    skipWhitespace();
    int start = pos;
    long value = readLong();
    if (value != (int) value) {
      pos = start;
      throw error("expected an integer within 32 bits, got " + value);
    }
    return (int) value;
  }

  /**
   * Reads any value: an object as a {@link LinkedHashMap} (of a repeated name, the last value
   * counts), an array as an {@link ArrayList}, a string, {@code Boolean}, null, and a number as an
   * {@code Integer}, {@code Long} or {@code BigInteger} when it is written as an integer, else a
   * {@code Double}.
   */
  public @Nullable Object readValue() {
    skipWhitespace();
    if (pos >= in.length) {
      throw error("unexpected end of input");
    }
    switch (in[pos]) {
      case '{':
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        beginObject();
        for (String name = nextName(); name != null; name = nextName()) {
          object.put(name, readValue());
        }
        return object;
      case '[':
        List<@Nullable Object> array = new ArrayList<>();
        beginArray();
        while (hasNext()) {
          array.add(readValue());
        }
        return array;
      case '"':
        return string();
      case 't':
      case 'f':
        return readBoolean();
      case 'n':
        literal("null");
        return null;
      default:
        return numberValue(number());
    }
  }

  /** Reads the next value and forgets it. */
  public void skipValue() {
    readValue();
  }

  /** Checks that nothing but whitespace follows. */
  public void endOfInput() {
    skipWhitespace();
    if (pos < in.length) {
      throw error("unexpected content after the value");
    }
  }

  /** A refusal at the current position, for what the codecs find wrong with a value. */
  public InvalidJsonException error(String message) {
    return new InvalidJsonException(message + " (at byte " + pos + ")");
  }

  private void expectStart(char bracket, String what) {
    skipWhitespace();
    if (pos >= in.length || in[pos] != bracket) {
      throw error("expected " + what);
    }
    pos++;
  }

  private void enter() {
    if (depth == MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " levels deep");
    }
    depth++;
    first[depth] = true;
  }

  private void separator() {
    if (first[depth]) {
      first[depth] = false;
      return;
    }
    if (pos >= in.length || in[pos] != ',') {
      throw error("expected ',' or the end of the " + (depth > 0 ? "object or array" : "value"));
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private void literal(String word) {
    int end = pos + word.length();
    if (end > in.length) {
      throw error("expected " + word);
    }
    for (int i = 0; i < word.length(); i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw error("expected " + word);
      }
    }
    pos = end;
  }

  /** Reads the string that starts at {@code pos}, its opening quote. */
  private String string() {
    int start = ++pos;
    boolean ascii = true;
    while (pos < in.length) {
      int b = in[pos] & 0xFF;
      if (b == '"') {
        String text = decode(start, pos, ascii);
        pos++;
        return text;
      }
      if (b == '\\') {
        return escapedString(start, ascii);
      }
      if (b < 0x20) {
        throw error("unescaped control character in a string");
      }
      ascii &= b < 0x80;
      pos++;
    }
    throw error("unterminated string");
  }

  /** The rest of a string from its first escape; {@code start} is where its text began. */
  private String escapedString(int start, boolean asciiSoFar) {
    StringBuilder text = new StringBuilder(decode(start, pos, asciiSoFar));
    int segment = pos;
    boolean ascii = true;
    while (pos < in.length) {
      int b = in[pos] & 0xFF;
      if (b == '"') {
        text.append(decode(segment, pos, ascii));
        pos++;
        return text.toString();
      }
      if (b == '\\') {
        text.append(decode(segment, pos, ascii));
        text.append(escape());
        segment = pos;
        ascii = true;
        continue;
      }
      if (b < 0x20) {
        throw error("unescaped control character in a string");
      }
      ascii &= b < 0x80;
      pos++;
    }
    throw error("unterminated string");
  }

  /** Reads the escape sequence at {@code pos}, its backslash. */
  private char escape() {
    if (pos + 1 >= in.length) {
      throw error("unterminated string");
    }
    byte kind = in[pos + 1];
    pos += 2;
    switch (kind) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        pos -= 2;
        throw error("invalid escape in a string");
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > in.length) {
      throw error("unterminated string");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(in[pos + i], 16);
      if (digit < 0) {
        throw error("invalid \\u escape in a string");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private String decode(int from, int to, boolean ascii) {
    if (ascii) {
      return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(in, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      pos = from;
      throw error("a string that is not valid UTF-8");
    }
  }

  /** Reads the number at {@code pos}, checking its syntax, and returns its text. */
  private String number() {
    skipWhitespace();
    int start = pos;
    if (pos < in.length && in[pos] == '-') {
      pos++;
    }
    if (pos < in.length && in[pos] == '0') {
      pos++;
    } else if (digits() == 0) {
      pos = start;
      throw error(pos < in.length ? "expected a value" : "unexpected end of input");
    }
    if (pos < in.length && in[pos] == '.') {
      pos++;
      if (digits() == 0) {
        throw error("expected a digit after the decimal point");
      }
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw error("expected a digit in the exponent");
      }
    }
    return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
  }

  private int digits() {
    int start = pos;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return pos - start;
  }

  private static boolean isIntegerSyntax(String number) {
    return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
  }

  private static Number numberValue(String number) {
    if (!isIntegerSyntax(number)) {
      return Double.parseDouble(number);
    }
    if (number.length() <= 18) {
      long value = Long.parseLong(number);
      return value == (int) value ? (Number) (int) value : (Number) value;
    }
    BigInteger value = new BigInteger(number);
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }
}
