package good;

import io.chatwire.wire.Utf8;
import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Zero-copy flyweight writer for {@link Ping} frames: absolute puts into a caller's buffer, no allocation. Fields up to the first variable-length field may be set in any order; from there on, in declaration order. Length fields named by {@code sizeFrom} are filled in automatically.
 *
 * <pre>
 * Ping: big-endian, 3 to 64 bytes
 *
 * offset   length   field                    content
 * 0        2        sequence                 unsigned 16-bit integer
 * 2        1        nameSize                 unsigned 8-bit integer
 * 3        var      name                     UTF-8 text, length from nameSize
 * </pre>
 */
@Generated("io.chatwire.wire.processor.ChatwireProcessor")
public final class PingEncoder {
  /**
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = true;

  /**
   * Bytes before the first variable-length field.
   */
  public static final int FIXED_LENGTH = 3;

  /**
   * The longest frame this encoder writes ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 64;

  private static final String[] SEQUENCE = {"name"};

  private ByteBuffer buffer;

  private int offset;

  private int limit;

  private int next;

  /**
   * Creates an unwrapped encoder; call {@link #wrap} before writing.
   */
  public PingEncoder() {
  }

  /**
   * Starts a frame at {@code offset} of {@code dst}; the buffer's position does not move.
   *
   * @param dst the buffer to write into
   * @param offset absolute index of the frame's first byte
   * @return this encoder
   */
  public PingEncoder wrap(ByteBuffer dst, int offset) {
    Objects.checkFromIndexSize(offset, FIXED_LENGTH, dst.limit());
    if (this.buffer != dst) {
      this.buffer = dst;
    }
    this.offset = offset;
    this.limit = offset + FIXED_LENGTH;
    this.next = 0;
    return this;
  }

  /**
   * Sets {@code sequence}: unsigned 16-bit integer.
   *
   * @param value the value
   * @return this encoder
   */
  public PingEncoder sequence(int value) {
    if (value < 0L || value > 65535L) {
      throw new IllegalArgumentException("Ping.sequence = " + value + " does not fit: allowed 0 to 65535");
    }
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, value);
    return this;
  }

  private int beginName(int length) {
    if (next != 0) {
      throw new IllegalStateException("Ping: name set out of order; " + SEQUENCE[next] + " comes next");
    }
    if (length < 0 || length > 255L) {
      throw new IllegalArgumentException("Ping.name is " + length + " bytes; allowed at most 255");
    }
    if ((long) (limit - offset) + length > MAX_LENGTH) {
      throw new IllegalArgumentException("Ping.name of " + length + " bytes makes the frame longer than maxLength " + MAX_LENGTH);
    }
    return limit;
  }

  private PingEncoder endName(int length) {
    buffer.put(offset + 2, (byte) length);
    limit += length;
    next = 1;
    return this;
  }

  /**
   * Writes {@code name} (UTF-8 text, length from nameSize) as UTF-8, without allocating.
   *
   * @param value the text
   * @return this encoder
   */
  public PingEncoder name(CharSequence value) {
    int length = Utf8.encodedLength(value);
    Utf8.encode(value, buffer, beginName(length));
    return endName(length);
  }

  /**
   * Copies {@code length} bytes of {@code src} from its absolute {@code index} into {@code name} (taken as UTF-8 as they are), without allocating.
   *
   * @param src the bytes
   * @param index absolute index in {@code src}
   * @param length how many bytes
   * @return this encoder
   */
  public PingEncoder name(ByteBuffer src, int index, int length) {
    WireBuffers.copy(src, index, buffer, beginName(length), length);
    return endName(length);
  }

  /**
   * Copies all of {@code src} into {@code name} (taken as UTF-8 as they are).
   *
   * @param src the bytes
   * @return this encoder
   */
  public PingEncoder name(byte[] src) {
    buffer.put(beginName(src.length), src);
    return endName(src.length);
  }

  /**
   * The frame's length so far: once every variable-length field is written, the whole frame's.
   *
   * @return bytes from the frame start to the end of the last field written
   * @throws IllegalStateException if a field in the sequential part has not been written yet
   */
  public int length() {
    if (next != 1) {
      throw new IllegalStateException("Ping: " + SEQUENCE[next] + " has not been written yet");
    }
    return limit - offset;
  }

  /**
   * The exact number of bytes {@link #encode} writes for {@code value}, after checking that every value fits its field and every {@code sizeFrom} component equals the length of the data it sizes.
   *
   * @param value the record
   * @return the frame length
   * @throws IllegalArgumentException if the record cannot be encoded
   * @throws NullPointerException if a component is null
   */
  public static int encodedLength(Ping value) {
    Objects.requireNonNull(value, "value");
    long length = 3;
    if (value.sequence() < 0L || value.sequence() > 65535L) {
      throw new IllegalArgumentException("Ping.sequence = " + value.sequence() + " does not fit: allowed 0 to 65535");
    }
    if (value.nameSize() < 0L || value.nameSize() > 255L) {
      throw new IllegalArgumentException("Ping.nameSize = " + value.nameSize() + " does not fit: allowed 0 to 255");
    }
    Objects.requireNonNull(value.name(), "Ping.name");
    int nName = Utf8.encodedLength(value.name());
    if ((long) value.nameSize() != nName) {
      throw new IllegalArgumentException("Ping.nameSize is " + value.nameSize() + " but name is " + nName + " bytes");
    }
    length += nName;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("Ping would be " + length + " bytes, over maxLength " + MAX_LENGTH);
    }
    return (int) length;
  }

  /**
   * Writes {@code value} at {@code offset} with absolute puts; {@code dst}'s position does not move. Nothing is written if the record is invalid.
   *
   * @param value the record
   * @param dst the buffer (its own byte order is ignored)
   * @param offset absolute index of the frame's first byte
   * @return the number of bytes written
   * @throws IllegalArgumentException if the record cannot be encoded
   * @throws IndexOutOfBoundsException if the frame does not fit before {@code dst.limit()}
   */
  public static int encode(Ping value, ByteBuffer dst, int offset) {
    int length = encodedLength(value);
    Objects.checkFromIndexSize(offset, length, dst.limit());
    int pos = offset;
    WireBuffers.putInteger(dst, pos, 2, BIG_ENDIAN, value.sequence());
    pos += 2;
    dst.put(pos, (byte) value.nameSize());
    pos += 1;
    pos += Utf8.encode(value.name(), dst, pos);
    return length;
  }
}
