package io.chatwire.client;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A standard input for tests: lines are fed one at a time, then end of input. */
final class LineFeed extends InputStream {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current;
  private int position;
  private boolean ended;

  /** Feeds one line (a newline is added). */
  void send(String line) {
    raw(line + "\n");
  }

  /** Feeds text as it is, e.g. keystrokes for a virtual terminal. */
  void raw(String text) {
    chunks.add(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Ends the input after what was fed so far. */
  void end() {
    chunks.add(END);
  }

  @Override
  public int read() throws InterruptedIOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
    if (len == 0) {
      return 0;
    }
    while (!ended && (current == null || position == current.length)) {
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
      position = 0;
      ended = current == END;
    }
    if (ended) {
      return -1;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return current == null ? 0 : current.length - position;
  }
}
