package dev.flagstream.admin.twofactor;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as a small SVG document: one square per dark module (runs of a row joined into one
 * rectangle) on a white background with the quiet zone the standard asks for, so it scans from a
 * screen at any size. Drawn from the bit matrix alone, with no imaging library.
 */
final class QrCodeSvg {
  /** Modules of white around the code: the quiet zone of ISO/IEC 18004. */
  static final int QUIET_ZONE = 4;

  /** Pixels per module of the size the document asks to be shown at. */
  static final int SHOWN_MODULE_SIZE = 4;

  private QrCodeSvg() {}

  static String of(String text) {
    return draw(matrix(text));
  }

  /** The modules of {@code text}'s QR code, one bit each, the quiet zone included. */
  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  QUIET_ZONE));
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code: " + text.length(), e);
    }
  }

  static String draw(BitMatrix modules) {
    int width = modules.getWidth();
    int height = modules.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < width) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < width && modules.get(x, y)) {
          x++;
        }
        int run = x - start;
        path.append('M')
            .append(start)
            .append(' ')
            .append(y)
            .append('h')
            .append(run)
            .append("v1h-")
            .append(run)
            .append('z');
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\""
        + width * SHOWN_MODULE_SIZE
        + "\" height=\""
        + height * SHOWN_MODULE_SIZE
        + "\" shape-rendering=\"crispEdges\"><rect width=\""
        + width
        + "\" height=\""
        + height
        + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }
}
