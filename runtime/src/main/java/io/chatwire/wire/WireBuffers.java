package io.chatwire.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Absolute reads and writes of 1 to 8 byte integers in a chosen byte order, independent of the
 * buffer's own {@link ByteBuffer#order()}. Generated codecs call these with constant widths, so
 * after inlining each call is one load or store (plus a byte swap where the orders differ).
 *
 * <p>None of these methods moves the buffer's position or allocates.
 */
public final class WireBuffers {
  /** Bytes in a {@code short}. */
  public static final int SIZE_OF_SHORT = Short.BYTES;

  /** Bytes in an {@code int}. */
  public static final int SIZE_OF_INT = Integer.BYTES;

  /** Bytes in a {@code long}. */
  public static final int SIZE_OF_LONG = Long.BYTES;

  private WireBuffers() {}

  /**
   * Reads an unsigned integer of {@code width} bytes.
   *
   * @param src the buffer
   * @param index absolute index of the first byte
   * @param width 1 to 8 bytes (8 returns the raw 64 bits)
   * @param bigEndian {@code true} for most significant byte first
   * @return the value, zero-extended
   */
  public static long getUnsigned(ByteBuffer src, int index, int width, boolean bigEndian) {
    boolean swap = (src.order() == ByteOrder.BIG_ENDIAN) != bigEndian;
    switch (width) {
      case 1:
        return src.get(index) & 0xFFL;
      case 2:
        {
          short v = src.getShort(index);
          return (swap ? Short.reverseBytes(v) : v) & 0xFFFFL;
        }
      case 4:
        {
          int v = src.getInt(index);
          return (swap ? Integer.reverseBytes(v) : v) & 0xFFFF_FFFFL;
        }
      case 8:
        {
          long v = src.getLong(index);
          return swap ? Long.reverseBytes(v) : v;
        }
      default:
        return getBytewise(src, index, width, bigEndian);
    }
  }

  /**
   * Reads a two's complement integer of {@code width} bytes.
   *
   * @param src the buffer
   * @param index absolute index of the first byte
   * @param width 1 to 8 bytes
   * @param bigEndian {@code true} for most significant byte first
   * @return the value, sign-extended
   */
  public static long getSigned(ByteBuffer src, int index, int width, boolean bigEndian) {
    long raw = getUnsigned(src, index, width, bigEndian);
    int shift = Long.SIZE - width * Byte.SIZE;
    return (raw << shift) >> shift;
  }

  /**
   * Writes the low {@code width} bytes of {@code value}.
   *
   * @param dst the buffer
   * @param index absolute index of the first byte
   * @param width 1 to 8 bytes
   * @param bigEndian {@code true} for most significant byte first
   * @param value the value; bits above the width are ignored
   */
  public static void putInteger(
      ByteBuffer dst, int index, int width, boolean bigEndian, long value) {
    boolean swap = (dst.order() == ByteOrder.BIG_ENDIAN) != bigEndian;
    switch (width) {
      case 1:
        dst.put(index, (byte) value);
        return;
      case 2:
        {
          short v = (short) value;
          dst.putShort(index, swap ? Short.reverseBytes(v) : v);
          return;
        }
      case 4:
        {
          int v = (int) value;
          dst.putInt(index, swap ? Integer.reverseBytes(v) : v);
          return;
        }
      case 8:
        dst.putLong(index, swap ? Long.reverseBytes(value) : value);
        return;
      default:
        putBytewise(dst, index, width, bigEndian, value);
    }
  }

  /**
   * Finds the first non-zero byte in {@code [from, to)}.
   *
   * @param src the buffer
   * @param from absolute start index, inclusive
   * @param to absolute end index, exclusive
   * @return the index of the first non-zero byte, or {@code -1} when all are zero
   */
  public static int firstNonZero(ByteBuffer src, int from, int to) {
    int i = from;
    // Eight bytes at a time (byte order does not matter for a test against zero).
    for (; i + SIZE_OF_LONG <= to; i += SIZE_OF_LONG) {
      if (src.getLong(i) != 0) {
        break;
      }
    }
    for (; i < to; i++) {
      if (src.get(i) != 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Writes zeros to {@code [from, to)}.
   *
   * @param dst the buffer
   * @param from absolute start index, inclusive
   * @param to absolute end index, exclusive
   */
  public static void fillZeros(ByteBuffer dst, int from, int to) {
    for (int i = from; i < to; i++) {
      dst.put(i, (byte) 0);
    }
  }

  /**
   * Copies {@code length} bytes of {@code src} starting at its index {@code srcIndex} to {@code
   * dst} at {@code dstIndex}. Neither buffer's position moves.
   *
   * @param src the source
   * @param srcIndex absolute index in the source
   * @param dst the destination
   * @param dstIndex absolute index in the destination
   * @param length how many bytes
   */
  public static void copy(ByteBuffer src, int srcIndex, ByteBuffer dst, int dstIndex, int length) {
    dst.put(dstIndex, src, srcIndex, length);
  }

  /**
   * Copies the bytes between {@code src}'s position and limit to {@code dst} at {@code dstIndex}.
   * Neither buffer's position moves.
   *
   * @param src the source
   * @param dst the destination
   * @param dstIndex absolute index in the destination
   * @return the number of bytes copied
   */
  public static int copyRemaining(ByteBuffer src, ByteBuffer dst, int dstIndex) {
    int length = src.remaining();
    dst.put(dstIndex, src, src.position(), length);
    return length;
  }

  /**
   * Whether {@code length} bytes of {@code buffer} from {@code index} equal {@code expected}.
   *
   * @param buffer the buffer
   * @param index absolute index of the first byte
   * @param length how many bytes to compare
   * @param expected the bytes to compare with
   * @return {@code true} if the lengths and every byte match
   */
  public static boolean contentEquals(ByteBuffer buffer, int index, int length, byte[] expected) {
    if (length != expected.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buffer.get(index + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash of {@code length} bytes of {@code buffer}, equal to {@link
   * java.util.Arrays#hashCode(byte[])} of the same bytes, so that byte-keyed maps can be probed
   * straight from a received frame without copying it.
   *
   * @param buffer the buffer
   * @param index absolute index of the first byte
   * @param length how many bytes
   * @return the hash
   */
  public static int hash(ByteBuffer buffer, int index, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + buffer.get(index + i);
    }
    return h;
  }

  /** {@link #varintLength}: the varint runs past the end. */
  public static final int VARINT_TRUNCATED = -1;

  /** {@link #varintLength}: a longer encoding than the value needs (a final {@code 0x00} byte). */
  public static final int VARINT_OVERLONG = -2;

  /** {@link #varintLength}: the value has more bits than the field holds. */
  public static final int VARINT_OVERFLOW = -3;

  /**
   * Checks the unsigned LEB128 varint at {@code index} and returns its length.
   *
   * @param src the buffer
   * @param index absolute index of its first byte
   * @param end absolute index the varint must end before
   * @param valueBits how many bits the value may have: 31 for an {@code int}, 64 for a {@code long}
   * @return its length in bytes (1 to 10), or {@link #VARINT_TRUNCATED}, {@link #VARINT_OVERLONG}
   *     or {@link #VARINT_OVERFLOW}
   */
  public static int varintLength(ByteBuffer src, int index, int end, int valueBits) {
    int last = (valueBits - 1) / 7;
    for (int i = 0; i <= last; i++) {
      if (index + i >= end) {
        return VARINT_TRUNCATED;
      }
      int b = src.get(index + i) & 0xFF;
      if (i == last && (b >>> (valueBits - 7 * i)) != 0) {
        return VARINT_OVERFLOW;
      }
      if ((b & 0x80) == 0) {
        return b == 0 && i > 0 ? VARINT_OVERLONG : i + 1;
      }
    }
    return VARINT_OVERFLOW;
  }

  /**
   * Reads the unsigned LEB128 varint at {@code index}, which {@link #varintLength} has accepted.
   *
   * @param src the buffer
   * @param index absolute index of its first byte
   * @return the value (for a 64-bit varint, the bit pattern)
   */
  public static long getVarint(ByteBuffer src, int index) {
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      int b = src.get(index + i);
      value |= (long) (b & 0x7F) << (7 * i);
      if (b >= 0) {
        break;
      }
    }
    return value;
  }

  /** The longest varint: ten bytes carry 64 bits. */
  public static final int MAX_VARINT_BYTES = 10;

  /**
   * How many bytes {@link #putVarint} writes for {@code value}.
   *
   * @param value the value, taken as unsigned
   * @return 1 to 10
   */
  public static int varintSize(long value) {
    int bits = Long.SIZE - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  /**
   * Writes {@code value} as an unsigned LEB128 varint in its shortest form.
   *
   * @param dst the buffer
   * @param index absolute index of its first byte
   * @param value the value, taken as unsigned
   * @return the number of bytes written
   */
  public static int putVarint(ByteBuffer dst, int index, long value) {
    int i = 0;
    long v = value;
    while ((v & ~0x7FL) != 0) {
      dst.put(index + i++, (byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    dst.put(index + i++, (byte) v);
    return i;
  }

  /**
   * Finds the first {@code 0x00} byte in {@code [from, to)}.
   *
   * @param src the buffer
   * @param from absolute start index, inclusive
   * @param to absolute end index, exclusive
   * @return its index, or {@code -1} when there is none
   */
  public static int indexOfZero(ByteBuffer src, int from, int to) {
    for (int i = from; i < to; i++) {
      if (src.get(i) == 0) {
        return i;
      }
    }
    return -1;
  }

  private static long getBytewise(ByteBuffer src, int index, int width, boolean bigEndian) {
    long v = 0;
    if (bigEndian) {
      for (int i = 0; i < width; i++) {
        v = (v << 8) | (src.get(index + i) & 0xFFL);
      }
    } else {
      for (int i = width - 1; i >= 0; i--) {
        v = (v << 8) | (src.get(index + i) & 0xFFL);
      }
    }
    return v;
  }

  private static void putBytewise(
      ByteBuffer dst, int index, int width, boolean bigEndian, long value) {
    for (int i = 0; i < width; i++) {
      int shift = 8 * (bigEndian ? width - 1 - i : i);
      dst.put(index + i, (byte) (value >>> shift));
    }
  }
}
