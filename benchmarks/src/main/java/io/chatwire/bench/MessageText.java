package io.chatwire.bench;

import java.nio.ByteBuffer;

/**
 * The text of a load-generator message: ASCII {@code "<id> <nanoTime> "} padded with {@code x} to
 * the configured size. {@code id} is the global message number, which tells room, sender and phase;
 * {@code nanoTime} is {@link System#nanoTime()} at sending (CLOCK_MONOTONIC on Linux, so comparable
 * across processes on one machine). Writing and parsing allocate nothing.
 */
final class MessageText {
  /** Longest text without padding: two 19-digit numbers and two spaces. */
  static final int MAX_HEADER = 40;

  private MessageText() {}

  /** Writes the text into {@code dst} from 0 and returns its length (at least {@code size}). */
  static int write(byte[] dst, long id, long nanos, int size) {
    int at = putDecimal(dst, 0, id);
    dst[at++] = ' ';
    at = putDecimal(dst, at, nanos);
    dst[at++] = ' ';
    while (at < size) {
      dst[at++] = 'x';
    }
    return at;
  }

  /**
   * Reads the number that ends with a space at {@code [from, end)}; returns it, or -1 if the text
   * is not a number followed by a space. {@code nextOut[0]} receives the index after the space.
   */
  static long parse(ByteBuffer src, int from, int end, int[] nextOut) {
    long value = 0;
    int digits = 0;
    for (int i = from; i < end; i++) {
      int b = src.get(i);
      if (b == ' ') {
        nextOut[0] = i + 1;
        return digits == 0 ? -1 : value;
      }
      if (b < '0' || b > '9' || ++digits > 18) {
        return -1;
      }
      value = value * 10 + (b - '0');
    }
    return -1;
  }

  private static int putDecimal(byte[] dst, int at, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    int digits = 1;
    for (long v = value / 10; v > 0; v /= 10) {
      digits++;
    }
    long v = value;
    for (int i = at + digits - 1; i >= at; i--) {
      dst[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return at + digits;
  }
}
