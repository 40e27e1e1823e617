package dev.flagstream.admin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG is read back the way a phone would read the screen: drawn, then decoded. */
class QrCodeSvgTest {
  private static final String URI =
      OtpAuthUri.of(
          "Flagstream",
          "alice@example.com",
          "12345678901234567890".getBytes(StandardCharsets.US_ASCII),
          Totp.forAuthenticatorApps());
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

  @Test
  void of_decodesBackToTheUri() throws Exception {
    BitMatrix drawn = modulesOf(QrCodeSvg.of(URI));

    assertThat(decode(drawn)).isEqualTo(URI);
  }

  @Test
  void of_drawsExactlyTheEncodersModules_withAQuietZoneOfFour() {
    String svg = QrCodeSvg.of(URI);
    BitMatrix modules = QrCodeSvg.matrix(URI);

    assertThat(modulesOf(svg)).isEqualTo(modules);
    for (int i = 0; i < modules.getWidth(); i++) {
      for (int edge = 0; edge < QrCodeSvg.QUIET_ZONE; edge++) {
        assertThat(modules.get(i, edge)).isFalse();
        assertThat(modules.get(edge, i)).isFalse();
        assertThat(modules.get(i, modules.getHeight() - 1 - edge)).isFalse();
        assertThat(modules.get(modules.getWidth() - 1 - edge, i)).isFalse();
      }
    }
    assertThat(modules.get(QrCodeSvg.QUIET_ZONE, QrCodeSvg.QUIET_ZONE))
        .as("a finder pattern's corner")
        .isTrue();
  }

  @Test
  void of_isAnSvgDocument_shownFourPixelsAModule_onWhite() {
    String svg = QrCodeSvg.of(URI);
    int size = QrCodeSvg.matrix(URI).getWidth();

    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size)
        .contains("width=\"" + size * 4 + "\" height=\"" + size * 4 + "\"")
        .contains("<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>")
        .endsWith("\"/></svg>");
  }

  @Test
  void draw_joinsARowsDarkModulesIntoRuns_upToTheEdge() {
    BitMatrix modules = new BitMatrix(5, 2);
    modules.setRegion(1, 0, 2, 1); // x 1-2 of row 0
    modules.set(4, 0);
    modules.setRegion(0, 1, 5, 1); // all of row 1

    assertThat(QrCodeSvg.draw(modules))
        .contains("d=\"M1 0h2v1h-2zM4 0h1v1h-1zM0 1h5v1h-5z\"")
        .contains("viewBox=\"0 0 5 2\" width=\"20\" height=\"8\"");
  }

  @Test
  void draw_endsEveryRunAtItsRowsEdge_evenWhereTheNextRowStartsDark() {
    // 32 modules wide: a row is exactly one word of the matrix, the next row's first bit right
    // after
    BitMatrix modules = new BitMatrix(32, 2);
    modules.setRegion(30, 0, 2, 1);
    modules.set(0, 1);

    assertThat(QrCodeSvg.draw(modules)).contains("d=\"M30 0h2v1h-2zM0 1h1v1h-1z\"");
  }

  /** The modules an SVG of {@link QrCodeSvg} shows. */
  private static BitMatrix modulesOf(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    BitMatrix modules =
        new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
    Matcher run = RUN.matcher(svg);
    while (run.find()) {
      assertThat(run.group(4)).isEqualTo(run.group(3));
      modules.setRegion(
          Integer.parseInt(run.group(1)),
          Integer.parseInt(run.group(2)),
          Integer.parseInt(run.group(3)),
          1);
    }
    return modules;
  }

  private static String decode(BitMatrix modules) throws Exception {
    int scale = 4;
    int width = modules.getWidth() * scale;
    int height = modules.getHeight() * scale;
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = modules.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
      }
    }
    BinaryBitmap image =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    return new QRCodeReader()
        .decode(image, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
