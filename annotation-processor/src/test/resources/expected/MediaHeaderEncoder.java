package good;

import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Zero-copy flyweight writer for {@link MediaHeader} frames: absolute puts into a caller's buffer, no allocation. Fields up to the first variable-length field may be set in any order; from there on, in declaration order. Length fields named by {@code sizeFrom} are filled in automatically.
 *
 * <pre>
 * MediaHeader: big-endian, 4 to 256 bytes
 *
 * offset   length   field                    content
 * 0.0      2b       version                  unsigned 2-bit field
 * 0.2      1b       padding                  flag (1 bit)
 * 0.3      1b       extension                flag (1 bit)
 * 0.4      4b       sourceCount              unsigned 4-bit field
 * 0.8      1b       marker                   flag (1 bit)
 * 0.9      7b       payloadType              unsigned 7-bit field
 * 2        2        sequence                 unsigned 16-bit integer
 * 4        var      sources                  list of Source, count from sourceCount
 * </pre>
 */
@Generated("io.chatwire.wire.processor.ChatwireProcessor")
public final class MediaHeaderEncoder {
  /**
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = true;

  /**
   * Bytes before the first variable-length field.
   */
  public static final int FIXED_LENGTH = 4;

  /**
   * The longest frame this encoder writes ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 256;

  private static final String[] SEQUENCE = {"sources"};

  private ByteBuffer buffer;

  private int offset;

  private int limit;

  private int next;

  private long sourceCountDeclared;

  /**
   * Creates an unwrapped encoder; call {@link #wrap} before writing.
   */
  public MediaHeaderEncoder() {
  }

  /**
   * Starts a frame at {@code offset} of {@code dst}; the buffer's position does not move.
   *
   * @param dst the buffer to write into
   * @param offset absolute index of the frame's first byte
   * @return this encoder
   */
  public MediaHeaderEncoder wrap(ByteBuffer dst, int offset) {
    Objects.checkFromIndexSize(offset, FIXED_LENGTH, dst.limit());
    if (this.buffer != dst) {
      this.buffer = dst;
    }
    this.offset = offset;
    this.limit = offset + FIXED_LENGTH;
    this.next = 0;
    WireBuffers.fillZeros(dst, offset + 0, offset + 2);
    this.sourceCountDeclared = 0;
    return this;
  }

  /**
   * Sets {@code version}: unsigned 2-bit field.
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder version(int value) {
    if (value < 0L || value > 3L) {
      throw new IllegalArgumentException("MediaHeader.version = " + value + " does not fit: allowed 0 to 3");
    }
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~(0x3L << 14)) | (((long) value & 0x3L) << 14));
    return this;
  }

  /**
   * Sets {@code padding}: flag (1 bit).
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder padding(boolean value) {
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~(0x1L << 13)) | (((value ? 1L : 0L) & 0x1L) << 13));
    return this;
  }

  /**
   * Sets {@code extension}: flag (1 bit).
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder extension(boolean value) {
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~(0x1L << 12)) | (((value ? 1L : 0L) & 0x1L) << 12));
    return this;
  }

  /**
   * Sets {@code sourceCount}: unsigned 4-bit field. Set it before the field it sizes, which checks that they agree.
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder sourceCount(int value) {
    if (value < 0L || value > 15L) {
      throw new IllegalArgumentException("MediaHeader.sourceCount = " + value + " does not fit: allowed 0 to 15");
    }
    this.sourceCountDeclared = (long) value;
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~(0xfL << 8)) | (((long) value & 0xfL) << 8));
    return this;
  }

  /**
   * Sets {@code marker}: flag (1 bit).
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder marker(boolean value) {
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~(0x1L << 7)) | (((value ? 1L : 0L) & 0x1L) << 7));
    return this;
  }

  /**
   * Sets {@code payloadType}: unsigned 7-bit field.
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder payloadType(int value) {
    if (value < 0L || value > 127L) {
      throw new IllegalArgumentException("MediaHeader.payloadType = " + value + " does not fit: allowed 0 to 127");
    }
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, (WireBuffers.getUnsigned(buffer, offset + 0, 2, BIG_ENDIAN) & ~0x7fL) | ((long) value & 0x7fL));
    return this;
  }

  /**
   * Sets {@code sequence}: unsigned 16-bit integer.
   *
   * @param value the value
   * @return this encoder
   */
  public MediaHeaderEncoder sequence(int value) {
    if (value < 0L || value > 65535L) {
      throw new IllegalArgumentException("MediaHeader.sequence = " + value + " does not fit: allowed 0 to 65535");
    }
    WireBuffers.putInteger(buffer, offset + 2, 2, BIG_ENDIAN, value);
    return this;
  }

  /**
   * Writes {@code sources} (list of Source, count from sourceCount): each element with {@link SourceEncoder#encode}.
   *
   * @param items the elements
   * @return this encoder
   * @throws IllegalArgumentException if an element cannot be encoded or the list does not fit its length field
   */
  public MediaHeaderEncoder sources(List<MediaHeader.Source> items) {
    if (next != 0) {
      throw new IllegalStateException("MediaHeader: sources set out of order; " + SEQUENCE[next] + " comes next");
    }
    Objects.requireNonNull(items, "MediaHeader.sources");
    if (items.size() > 15L) {
      throw new IllegalArgumentException("MediaHeader.sources has " + items.size() + " elements; sourceCount holds at most 15");
    }
    long total = 0;
    for (MediaHeader.Source item : items) {
      Objects.requireNonNull(item, "MediaHeader.sources element");
      total += SourceEncoder.encodedLength(item);
    }
    if ((long) (limit - offset) + total > MAX_LENGTH) {
      throw new IllegalArgumentException("MediaHeader.sources of " + total + " bytes makes the frame longer than maxLength " + MAX_LENGTH);
    }
    int length = (int) total;
    if (items.size() != sourceCountDeclared) {
      throw new IllegalArgumentException("MediaHeader.sources has " + items.size() + " elements but sourceCount is " + sourceCountDeclared + "; set sourceCount to match first");
    }
    int p = limit;
    for (MediaHeader.Source item : items) {
      p += SourceEncoder.encode(item, buffer, p);
    }
    limit += length;
    next = 1;
    return this;
  }

  /**
   * The frame's length so far: once every variable-length field is written, the whole frame's.
   *
   * @return bytes from the frame start to the end of the last field written
   * @throws IllegalStateException if a field in the sequential part has not been written yet
   */
  public int length() {
    if (next != 1) {
      throw new IllegalStateException("MediaHeader: " + SEQUENCE[next] + " has not been written yet");
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
  public static int encodedLength(MediaHeader value) {
    Objects.requireNonNull(value, "value");
    long length = 4;
    if (value.version() < 0L || value.version() > 3L) {
      throw new IllegalArgumentException("MediaHeader.version = " + value.version() + " does not fit: allowed 0 to 3");
    }
    if (value.sourceCount() < 0L || value.sourceCount() > 15L) {
      throw new IllegalArgumentException("MediaHeader.sourceCount = " + value.sourceCount() + " does not fit: allowed 0 to 15");
    }
    if (value.payloadType() < 0L || value.payloadType() > 127L) {
      throw new IllegalArgumentException("MediaHeader.payloadType = " + value.payloadType() + " does not fit: allowed 0 to 127");
    }
    if (value.sequence() < 0L || value.sequence() > 65535L) {
      throw new IllegalArgumentException("MediaHeader.sequence = " + value.sequence() + " does not fit: allowed 0 to 65535");
    }
    Objects.requireNonNull(value.sources(), "MediaHeader.sources");
    long nSources = 0;
    for (MediaHeader.Source item : value.sources()) {
      Objects.requireNonNull(item, "MediaHeader.sources element");
      nSources += SourceEncoder.encodedLength(item);
    }
    if ((long) value.sourceCount() != value.sources().size()) {
      throw new IllegalArgumentException("MediaHeader.sourceCount is " + value.sourceCount() + " but sources has " + value.sources().size() + " elements");
    }
    length += nSources;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("MediaHeader would be " + length + " bytes, over maxLength " + MAX_LENGTH);
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
  public static int encode(MediaHeader value, ByteBuffer dst, int offset) {
    int length = encodedLength(value);
    Objects.checkFromIndexSize(offset, length, dst.limit());
    int pos = offset;
    {
      long bits = 0;
      bits |= (((long) value.version() & 0x3L) << 14);
      bits |= (((value.padding() ? 1L : 0L) & 0x1L) << 13);
      bits |= (((value.extension() ? 1L : 0L) & 0x1L) << 12);
      bits |= (((long) value.sourceCount() & 0xfL) << 8);
      bits |= (((value.marker() ? 1L : 0L) & 0x1L) << 7);
      bits |= ((long) value.payloadType() & 0x7fL);
      WireBuffers.putInteger(dst, pos, 2, BIG_ENDIAN, bits);
      pos += 2;
    }
    WireBuffers.putInteger(dst, pos, 2, BIG_ENDIAN, value.sequence());
    pos += 2;
    for (MediaHeader.Source item : value.sources()) {
      pos += SourceEncoder.encode(item, dst, pos);
    }
    return length;
  }
}
