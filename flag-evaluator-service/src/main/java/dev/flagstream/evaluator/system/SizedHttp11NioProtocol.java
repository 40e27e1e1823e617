package dev.flagstream.evaluator.system;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 connector with a response buffer of a chosen size ({@link ConnectionBuffers}):
 * Tomcat sizes each response's buffer by what its protocol desires, and its own HTTP protocol
 * desires none, which means 8 KiB of bytes and 8 Ki characters. Public only because Tomcat creates
 * its protocol by class name; not part of the evaluator's API.
 */
public final class SizedHttp11NioProtocol extends Http11NioProtocol {
  private int responseBufferSize = -1;

  /** Set through the connector's {@code responseBufferSize} property, before it starts. */
  public void setResponseBufferSize(int bytes) {
    this.responseBufferSize = bytes;
  }

  /** The response buffer's size in bytes, or -1 for Tomcat's own. */
  public int getResponseBufferSize() {
    return responseBufferSize;
  }

  @Override
  public int getDesiredBufferSize() {
    return responseBufferSize;
  }
}
