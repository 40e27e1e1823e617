package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {
  /** RFC 4648, section 10, without the padding, which otpauth URIs leave out. */
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      value = {
        "'',''",
        "f,MY",
        "fo,MZXQ",
        "foo,MZXW6",
        "foob,MZXW6YQ",
        "fooba,MZXW6YTB",
        "foobar,MZXW6YTBOI",
        "12345678901234567890,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
      })
  void encode_rfc4648Vectors_withoutPadding(String text, String encoded) {
    assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ff,74", "ffff,777Q", "ffffffffff,77777777", "00,AA", "8421,QQQQ"})
  void encode_everyBitLandsInPlace(String hex, String encoded) {
    assertThat(Base32.encode(HexFormat.of().parseHex(hex))).isEqualTo(encoded);
  }
}
