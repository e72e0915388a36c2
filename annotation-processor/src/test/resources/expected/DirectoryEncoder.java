package good;

import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Zero-copy flyweight writer for {@link Directory} frames: absolute puts into a caller's buffer, no allocation. Fields up to the first variable-length field may be set in any order; from there on, in declaration order. Length fields named by {@code sizeFrom} are filled in automatically.
 *
 * <pre>
 * Directory: little-endian, 2 to 1024 bytes
 *
 * offset   length   field                    content
 * 0        2        size                     unsigned 16-bit integer
 * 2        var      entries                  list of Entry, byte length from size
 * </pre>
 */
@Generated("io.chatwire.wire.processor.ChatwireProcessor")
public final class DirectoryEncoder {
  /**
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = false;

  /**
   * Bytes before the first variable-length field.
   */
  public static final int FIXED_LENGTH = 2;

  /**
   * The longest frame this encoder writes ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 1024;

  private static final String[] SEQUENCE = {"entries"};

  private ByteBuffer buffer;

  private int offset;

  private int limit;

  private int next;

  /**
   * Creates an unwrapped encoder; call {@link #wrap} before writing.
   */
  public DirectoryEncoder() {
  }

  /**
   * Starts a frame at {@code offset} of {@code dst}; the buffer's position does not move.
   *
   * @param dst the buffer to write into
   * @param offset absolute index of the frame's first byte
   * @return this encoder
   */
  public DirectoryEncoder wrap(ByteBuffer dst, int offset) {
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
   * Writes {@code entries} (list of Entry, byte length from size): each element with {@link EntryEncoder#encode}.
   *
   * @param items the elements
   * @return this encoder
   * @throws IllegalArgumentException if an element cannot be encoded or the list does not fit its length field
   */
  public DirectoryEncoder entries(List<Directory.Entry> items) {
    if (next != 0) {
      throw new IllegalStateException("Directory: entries set out of order; " + SEQUENCE[next] + " comes next");
    }
    Objects.requireNonNull(items, "Directory.entries");
    long total = 0;
    for (Directory.Entry item : items) {
      Objects.requireNonNull(item, "Directory.entries element");
      total += EntryEncoder.encodedLength(item);
    }
    if (total > 65535L) {
      throw new IllegalArgumentException("Directory.entries is " + total + " bytes; allowed at most 65535");
    }
    if ((long) (limit - offset) + total > MAX_LENGTH) {
      throw new IllegalArgumentException("Directory.entries of " + total + " bytes makes the frame longer than maxLength " + MAX_LENGTH);
    }
    int length = (int) total;
    WireBuffers.putInteger(buffer, offset + 0, 2, BIG_ENDIAN, length);
    int p = limit;
    for (Directory.Entry item : items) {
      p += EntryEncoder.encode(item, buffer, p);
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
      throw new IllegalStateException("Directory: " + SEQUENCE[next] + " has not been written yet");
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
  public static int encodedLength(Directory value) {
    Objects.requireNonNull(value, "value");
    long length = 2;
    if (value.size() < 0L || value.size() > 65535L) {
      throw new IllegalArgumentException("Directory.size = " + value.size() + " does not fit: allowed 0 to 65535");
    }
    Objects.requireNonNull(value.entries(), "Directory.entries");
    long nEntries = 0;
    for (Directory.Entry item : value.entries()) {
      Objects.requireNonNull(item, "Directory.entries element");
      nEntries += EntryEncoder.encodedLength(item);
    }
    if ((long) value.size() != nEntries) {
      throw new IllegalArgumentException("Directory.size is " + value.size() + " but entries has " + nEntries + " bytes");
    }
    length += nEntries;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("Directory would be " + length + " bytes, over maxLength " + MAX_LENGTH);
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
  public static int encode(Directory value, ByteBuffer dst, int offset) {
    int length = encodedLength(value);
    Objects.checkFromIndexSize(offset, length, dst.limit());
    int pos = offset;
    WireBuffers.putInteger(dst, pos, 2, BIG_ENDIAN, value.size());
    pos += 2;
    for (Directory.Entry item : value.entries()) {
      pos += EntryEncoder.encode(item, dst, pos);
    }
    return length;
  }
}
