package good;

import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.Utf8;
import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Zero-copy flyweight reader for {@link Ping} frames: {@link #wrap} validates a whole frame once, then accessors read it with absolute gets and allocate nothing (except {@code String} accessors and {@link #toRecord()}).
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
public final class PingDecoder {
  /**
   * Bytes before the first field whose position depends on the data: what {@link #frameLength} needs to see.
   */
  public static final int FIXED_LENGTH = 3;

  /**
   * The shortest valid frame, with every variable field empty.
   */
  public static final int MIN_LENGTH = 3;

  /**
   * The longest frame accepted ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 64;

  /**
   * Offset of {@code sequence} from the start of the frame.
   */
  public static final int SEQUENCE_OFFSET = 0;

  /**
   * Width of {@code sequence} in bytes.
   */
  public static final int SEQUENCE_LENGTH = 2;

  /**
   * Offset of {@code nameSize} from the start of the frame.
   */
  public static final int NAME_SIZE_OFFSET = 2;

  /**
   * Width of {@code nameSize} in bytes.
   */
  public static final int NAME_SIZE_LENGTH = 1;

  /**
   * Offset of {@code name} from the start of the frame.
   */
  public static final int NAME_OFFSET = 3;

  private ByteBuffer buffer;

  private int offset;

  private int length;

  private int nameLength;

  /**
   * Creates an unwrapped decoder; call {@link #wrap} before reading.
   */
  public PingDecoder() {
  }

  /**
   * Validates the frame in {@code [offset, offset + length)} of {@code src} and wraps it. Nothing is copied; accessors read {@code src} directly.
   *
   * @param src the buffer holding the frame (its position and order are ignored)
   * @param offset absolute index of the frame's first byte
   * @param length the frame's exact length in bytes
   * @return this decoder
   * @throws MalformedFrameException if the bytes are not a valid frame; the decoder is then unchanged
   * @throws IndexOutOfBoundsException if the range is not inside {@code src}
   */
  public PingDecoder wrap(ByteBuffer src, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, src.limit());
    if (length > MAX_LENGTH) {
      throw new MalformedFrameException("Ping", 0, "frame of " + length + " bytes is over maxLength " + MAX_LENGTH);
    }
    int end = offset + length;
    int pos = offset;
    if (end - pos < 2) {
      throw MalformedFrameException.truncated("sequence", pos - offset, 2, end - pos);
    }
    pos += 2;
    if (end - pos < 1) {
      throw MalformedFrameException.truncated("nameSize", pos - offset, 1, end - pos);
    }
    long sizeNameSize = WireBuffers.getUnsigned(src, pos, 1, true);
    pos += 1;
    if (sizeNameSize > end - pos) {
      throw MalformedFrameException.pastEnd("name", pos - offset, sizeNameSize, end - pos);
    }
    int nameLength = (int) sizeNameSize;
    {
      int bad = Utf8.firstMalformed(src, pos, pos + nameLength);
      if (bad >= 0) {
        throw new MalformedFrameException("name", bad - offset, "malformed UTF-8");
      }
    }
    pos += nameLength;
    if (pos != end) {
      throw new MalformedFrameException("Ping", pos - offset, (end - pos) + " bytes follow the last field");
    }
    this.buffer = src;
    this.offset = offset;
    this.length = length;
    this.nameLength = nameLength;
    return this;
  }

  /**
   * Validates and wraps only the first {@link #FIXED_LENGTH} bytes, for stream transports that must look at the header (e.g. to refuse a declared length) before the rest of the frame arrives. Afterwards only the accessors of fields in that fixed part may be used.
   *
   * @param src the buffer
   * @param offset absolute index of the frame's first byte
   * @param available how many bytes of the frame are in {@code src}
   * @return this decoder
   * @throws MalformedFrameException if fewer than {@link #FIXED_LENGTH} bytes are available or they are invalid
   */
  public PingDecoder wrapFixedPart(ByteBuffer src, int offset, int available) {
    Objects.checkFromIndexSize(offset, available, src.limit());
    int end = offset + available;
    int pos = offset;
    if (end - pos < 2) {
      throw MalformedFrameException.truncated("sequence", pos - offset, 2, end - pos);
    }
    pos += 2;
    if (end - pos < 1) {
      throw MalformedFrameException.truncated("nameSize", pos - offset, 1, end - pos);
    }
    long sizeNameSize = WireBuffers.getUnsigned(src, pos, 1, true);
    pos += 1;
    this.buffer = src;
    this.offset = offset;
    this.length = FIXED_LENGTH;
    return this;
  }

  /**
   * The wrapped buffer.
   *
   * @return the buffer
   */
  public ByteBuffer buffer() {
    return buffer;
  }

  /**
   * Absolute index of the frame's first byte.
   *
   * @return the offset
   */
  public int offset() {
    return offset;
  }

  /**
   * The frame's length in bytes.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * {@code sequence}: unsigned 16-bit integer.
   *
   * @return the value
   */
  public int sequence() {
    return (int) WireBuffers.getUnsigned(buffer, offset + SEQUENCE_OFFSET, 2, true);
  }

  /**
   * {@code nameSize}: unsigned 8-bit integer.
   *
   * @return the value
   */
  public int nameSize() {
    return (int) WireBuffers.getUnsigned(buffer, offset + NAME_SIZE_OFFSET, 1, true);
  }

  /**
   * Absolute index of {@code name} in {@link #buffer()}.
   *
   * @return the index
   */
  public int nameOffset() {
    return offset + NAME_OFFSET;
  }

  /**
   * Byte length of {@code name}.
   *
   * @return the length
   */
  public int nameLength() {
    return nameLength;
  }

  /**
   * {@code name}: UTF-8 text, length from nameSize. Allocates a new String; use {@link #nameOffset()} and {@link #nameLength()} on hot paths.
   *
   * @return the text
   */
  public String name() {
    return Utf8.decode(buffer, offset + NAME_OFFSET, nameLength);
  }

  /**
   * Copies the wrapped frame into a new record (allocates; keep it off hot paths). {@code ByteBuffer} components are read-only views of the wrapped buffer.
   *
   * @return the record
   */
  public Ping toRecord() {
    return new Ping(sequence(), nameSize(), name());
  }

  /**
   * Decodes the frame of exactly {@code length} bytes at {@code offset} (allocates).
   *
   * @param src the buffer
   * @param offset absolute index of the frame's first byte
   * @param length the frame's exact length
   * @return the record
   * @throws MalformedFrameException if the bytes are not a valid frame
   */
  public static Ping decode(ByteBuffer src, int offset, int length) {
    return new PingDecoder().wrap(src, offset, length).toRecord();
  }

  /**
   * The length of the frame starting at {@code offset}, for stream transports.
   *
   * @param src the buffer
   * @param offset absolute index of the frame's first byte
   * @param available how many bytes from {@code offset} have arrived
   * @return the whole frame's length once its fixed part and every length field are readable, or {@code -1} while more bytes are needed
   * @throws MalformedFrameException as soon as the declared length passes {@link #MAX_LENGTH} or a length field is invalid
   */
  public static int frameLength(ByteBuffer src, int offset, int available) {
    Objects.checkFromIndexSize(offset, available, src.limit());
    if (available < FIXED_LENGTH) {
      return -1;
    }
    long end = (long) offset + available;
    long pos = offset;
    pos += 2;
    if (pos + 1 > end) {
      return -1;
    }
    int atNameSize = (int) pos;
    long sizeNameSize = WireBuffers.getUnsigned(src, atNameSize, 1, true);
    pos += 1;
    pos += sizeNameSize;
    if (pos - offset > MAX_LENGTH) {
      throw new MalformedFrameException("nameSize", atNameSize - offset, "declared length makes the frame at least " + (pos - offset) + " bytes, over maxLength " + MAX_LENGTH);
    }
    if (pos - offset > MAX_LENGTH) {
      throw new MalformedFrameException("Ping", 0, "frame of " + (pos - offset) + " bytes is over maxLength " + MAX_LENGTH);
    }
    return (int) (pos - offset);
  }

  @Override
  public String toString() {
    return buffer == null ? "PingDecoder[unwrapped]" : toRecord().toString();
  }
}
