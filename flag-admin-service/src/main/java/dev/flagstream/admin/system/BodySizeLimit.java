package dev.flagstream.admin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code flags.http.max-body-size} (default 1 MB, room for a full
 * 10,000-entry allowlist) with 413, before anything reads them: by the declared length when there
 * is one, by counting when the body is chunked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class BodySizeLimit extends OncePerRequestFilter {
  private final long maxBytes;
  private final ProblemWriter problems;

  BodySizeLimit(
      @Value("${flags.http.max-body-size:1MB}") DataSize maxBodySize, ProblemWriter problems) {
    this.maxBytes = maxBodySize.toBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      problems.write(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
      return;
    }
    try {
      chain.doFilter(new Limited(request, maxBytes), response);
    } catch (BodyTooLargeException e) {
      if (!response.isCommitted()) {
        response.reset();
        problems.write(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
      }
    }
  }

  private String tooLarge() {
    return "the request body exceeds " + maxBytes + " bytes";
  }

  /** Thrown from reads past the limit; unwinds to the filter whatever wraps it on the way. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private @Nullable ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream counted = stream;
      if (counted == null) {
        counted = new Counting(super.getInputStream(), maxBytes);
        stream = counted;
      }
      return counted;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    Counting(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
