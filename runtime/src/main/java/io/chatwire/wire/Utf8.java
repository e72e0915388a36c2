package io.chatwire.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 helpers that work on absolute buffer ranges: strict validation (no overlong forms, no
 * surrogates, nothing above U+10FFFF), encoded length and encoding without intermediate arrays.
 * Encoding replaces an unpaired surrogate with {@code '?'}, as {@link String#getBytes} does.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Checks that {@code [from, to)} is well-formed UTF-8.
   *
   * @param src the buffer
   * @param from absolute start index, inclusive
   * @param to absolute end index, exclusive
   * @return {@code -1} if valid, otherwise the absolute index of the first byte of the first
   *     malformed sequence
   */
  public static int firstMalformed(ByteBuffer src, int from, int to) {
    // The ASCII prefix, checked here: small enough for C2 to inline into every decoder's tryWrap.
    // Only a byte with its high bit set leaves for the full check, which stays out of line.
    int i = from;
    while (i + Long.BYTES <= to && (src.getLong(i) & 0x8080_8080_8080_8080L) == 0) {
      i += Long.BYTES;
    }
    while (i < to && src.get(i) >= 0) {
      i++;
    }
    return i == to ? -1 : firstMalformedFrom(src, i, to);
  }

  /**
   * Whether every byte of {@code [from, to)} is ASCII (below 0x80), and so also well-formed UTF-8.
   * Small on purpose: generated decoders call it once over all their text fields and run {@link
   * #firstMalformed} per field only when it answers {@code false}.
   *
   * @param src the buffer
   * @param from absolute start index, inclusive
   * @param to absolute end index, exclusive
   * @return whether no byte has its high bit set
   */
  public static boolean isAscii(ByteBuffer src, int from, int to) {
    int i = from;
    while (i + Long.BYTES <= to) {
      if ((src.getLong(i) & 0x8080_8080_8080_8080L) != 0) {
        return false;
      }
      i += Long.BYTES;
    }
    while (i < to) {
      if (src.get(i) < 0) {
        return false;
      }
      i++;
    }
    return true;
  }

  /** {@link #firstMalformed} from the first byte that is not ASCII. */
  private static int firstMalformedFrom(ByteBuffer src, int from, int to) {
    int i = from;
    while (i < to) {
      // ASCII fast path: eight bytes at a time while none has its high bit set.
      while (i + Long.BYTES <= to && (src.getLong(i) & 0x8080_8080_8080_8080L) == 0) {
        i += Long.BYTES;
      }
      if (i >= to) {
        break;
      }
      int b0 = src.get(i);
      if (b0 >= 0) {
        i++;
        continue;
      }
      b0 &= 0xFF;
      int need;
      int min;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (to - i <= need) {
        return i;
      }
      int cp = b0 & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        int b = src.get(i + k) & 0xFF;
        if ((b & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (b & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += need + 1;
    }
    return -1;
  }

  /**
   * The number of bytes {@link #encode} writes for {@code s}.
   *
   * @param s the text
   * @return its UTF-8 length
   */
  public static int encodedLength(CharSequence s) {
    int n = s.length();
    int bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * Writes {@code s} as UTF-8 at {@code index}. The caller has checked that {@link #encodedLength}
   * bytes fit.
   *
   * @param s the text
   * @param dst the buffer
   * @param index absolute index of the first byte
   * @return the number of bytes written
   */
  public static int encode(CharSequence s, ByteBuffer dst, int index) {
    int n = s.length();
    int p = index;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst.put(p++, (byte) c);
      } else if (c < 0x800) {
        dst.put(p++, (byte) (0xC0 | (c >> 6)));
        dst.put(p++, (byte) (0x80 | (c & 0x3F)));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        dst.put(p++, (byte) (0xF0 | (cp >> 18)));
        dst.put(p++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
        dst.put(p++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
        dst.put(p++, (byte) (0x80 | (cp & 0x3F)));
      } else if (Character.isSurrogate(c)) {
        dst.put(p++, (byte) '?');
      } else {
        dst.put(p++, (byte) (0xE0 | (c >> 12)));
        dst.put(p++, (byte) (0x80 | ((c >> 6) & 0x3F)));
        dst.put(p++, (byte) (0x80 | (c & 0x3F)));
      }
    }
    return p - index;
  }

  /**
   * Decodes {@code length} bytes at {@code index} into a new {@code String}; malformed bytes become
   * U+FFFD. Allocates.
   *
   * @param src the buffer
   * @param index absolute index of the first byte
   * @param length how many bytes
   * @return the text
   */
  public static String decode(ByteBuffer src, int index, int length) {
    if (src.hasArray()) {
      return new String(src.array(), src.arrayOffset() + index, length, StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[length];
    src.get(index, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Decodes a fixed-width text field, dropping the zero bytes that pad it. Allocates.
   *
   * @param src the buffer
   * @param index absolute index of the field
   * @param width the field's width
   * @return the text without trailing NULs
   */
  public static String decodePadded(ByteBuffer src, int index, int width) {
    int end = index + width;
    while (end > index && src.get(end - 1) == 0) {
      end--;
    }
    return decode(src, index, end - index);
  }
}
