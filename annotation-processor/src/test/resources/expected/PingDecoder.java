package good;

import io.chatwire.wire.FrameProblem;
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
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = true;

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

  private static final String[] PATHS = {"sequence", "nameSize", "name"};

  private ByteBuffer buffer;

  private int offset;

  private int length;

  /**
   * False after {@link #wrapFixedPart}: only fixed-part fields are there.
   */
  private boolean complete;

  private int nameLength;

  private int failedField;

  private int failedOffset;

  private FrameProblem failedProblem;

  private long failedValue;

  private long failedLimit;

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
   * @throws MalformedFrameException if the bytes are not a valid frame; the decoder then still wraps its previous frame
   * @throws IndexOutOfBoundsException if the range is not inside {@code src}
   */
  public PingDecoder wrap(ByteBuffer src, int offset, int length) {
    if (!tryWrap(src, offset, length)) {
      throw failure();
    }
    return this;
  }

  /**
   * Like {@link #wrap}, but answers {@code false} instead of throwing, allocating nothing: for hot paths that drop bad input. {@link #failure()} then says what was wrong.
   *
   * @param src the buffer holding the frame
   * @param offset absolute index of the frame's first byte
   * @param length the frame's exact length in bytes
   * @return whether the frame is valid and now wrapped
   * @throws IndexOutOfBoundsException if the range is not inside {@code src}
   */
  public boolean tryWrap(ByteBuffer src, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, src.limit());
    if (length > MAX_LENGTH) {
      return fail(-1, 0, FrameProblem.OVER_MAX_LENGTH, length, MAX_LENGTH);
    }
    if (length < FIXED_LENGTH) {
      return failFixedPart(length);
    }
    int end = offset + length;
    int pos = offset;
    pos += 2;
    long sizeNameSize = (src.get(pos) & 0xFFL);
    pos += 1;
    if (sizeNameSize > end - pos) {
      return fail(2, pos - offset, FrameProblem.PAST_END, sizeNameSize, end - pos);
    }
    int nameLength = (int) sizeNameSize;
    pos += nameLength;
    if (pos != end) {
      return fail(-1, pos - offset, FrameProblem.TRAILING_BYTES, end - pos, 0);
    }
    if (!Utf8.isAscii(src, offset + 3, offset + 3 + nameLength) && !validText(src, offset, offset + 3, offset + 3 + nameLength)) {
      return false;
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = length;
    this.complete = true;
    this.nameLength = nameLength;
    return true;
  }

  /**
   * Validates and wraps the frame that starts at {@code offset} and ends where its own length fields say, within {@code available} bytes; what follows it is not looked at. Lists use it to walk their elements; stream readers may too. Allocates nothing; on failure {@link #failure()} says what was wrong.
   *
   * @param src the buffer
   * @param offset absolute index of the frame's first byte
   * @param available how many bytes from {@code offset} may belong to the frame
   * @return the frame's length, or {@code -1} if the bytes are not a valid frame (also when it would need more than {@code available})
   * @throws IndexOutOfBoundsException if the range is not inside {@code src}
   */
  public int tryWrapPrefix(ByteBuffer src, int offset, int available) {
    Objects.checkFromIndexSize(offset, available, src.limit());
    if (available < FIXED_LENGTH) {
      failFixedPart(available);
      return -1;
    }
    int end = offset + available;
    int pos = offset;
    pos += 2;
    long sizeNameSize = (src.get(pos) & 0xFFL);
    pos += 1;
    if (sizeNameSize > end - pos) {
      fail(2, pos - offset, FrameProblem.PAST_END, sizeNameSize, end - pos);
      return -1;
    }
    int nameLength = (int) sizeNameSize;
    pos += nameLength;
    int length = pos - offset;
    if (length > MAX_LENGTH) {
      fail(-1, 0, FrameProblem.OVER_MAX_LENGTH, length, MAX_LENGTH);
      return -1;
    }
    if (!Utf8.isAscii(src, offset + 3, offset + 3 + nameLength) && !validText(src, offset, offset + 3, offset + 3 + nameLength)) {
      return -1;
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = length;
    this.complete = true;
    this.nameLength = nameLength;
    return length;
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
    if (!tryWrapFixedPart(src, offset, available)) {
      throw failure();
    }
    return this;
  }

  /**
   * Like {@link #wrapFixedPart}, but answers {@code false} instead of throwing.
   *
   * @param src the buffer
   * @param offset absolute index of the frame's first byte
   * @param available how many bytes of the frame are in {@code src}
   * @return whether the fixed part is valid and now wrapped
   */
  public boolean tryWrapFixedPart(ByteBuffer src, int offset, int available) {
    Objects.checkFromIndexSize(offset, available, src.limit());
    if (available < FIXED_LENGTH) {
      return failFixedPart(available);
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = FIXED_LENGTH;
    this.complete = false;
    return true;
  }

  private boolean failFixedPart(int available) {
    if (available < 2) {
      return fail(0, 0, FrameProblem.TRUNCATED, 2, available - 0);
    }
    if (available < 3) {
      return fail(1, 2, FrameProblem.TRUNCATED, 1, available - 2);
    }
    return true;
  }

  /**
   * The strict UTF-8 check of every text field, once {@code isAscii} has found a byte above 0x7f.
   */
  private boolean validText(ByteBuffer src, int offset, int nameFrom, int nameTo) {
    {
      int bad = Utf8.firstMalformed(src, nameFrom, nameTo);
      if (bad >= 0) {
        return fail(2, bad - offset, FrameProblem.MALFORMED_UTF8, 0, 0);
      }
    }
    return true;
  }

  private boolean fail(int field, int at, FrameProblem problem, long value, long limit) {
    this.failedField = field;
    this.failedOffset = at;
    this.failedProblem = problem;
    this.failedValue = value;
    this.failedLimit = limit;
    return false;
  }

  /**
   * What the last {@code tryWrap} or {@code tryWrapFixedPart} that answered {@code false} found wrong, as the exception {@code wrap} throws (allocates).
   *
   * @return the exception, naming the field and its offset in the frame
   */
  public MalformedFrameException failure() {
    return FrameProblem.exception(failedField < 0 ? "Ping" : PATHS[failedField], failedOffset, failedProblem, failedValue, failedLimit);
  }

  /**
   * The wrapped buffer.
   *
   * @return the buffer
   */
  public ByteBuffer wrappedBuffer() {
    return buffer;
  }

  /**
   * Absolute index of the frame's first byte.
   *
   * @return the offset
   */
  public int wrappedOffset() {
    return offset;
  }

  /**
   * The wrapped frame's length in bytes.
   *
   * @return the length
   */
  public int wrappedLength() {
    return length;
  }

  /**
   * {@code sequence}: unsigned 16-bit integer.
   *
   * @return the value
   */
  public int sequence() {
    return (int) WireBuffers.getUnsigned(buffer, offset + SEQUENCE_OFFSET, 2, BIG_ENDIAN);
  }

  /**
   * {@code nameSize}: unsigned 8-bit integer.
   *
   * @return the value
   */
  public int nameSize() {
    return (int) (buffer.get(offset + NAME_SIZE_OFFSET) & 0xFFL);
  }

  /**
   * Absolute index of {@code name} in {@link #wrappedBuffer()}.
   *
   * @return the index
   */
  public int nameOffset() {
    if (!complete) {
      throw partial("name");
    }
    return offset + NAME_OFFSET;
  }

  /**
   * Byte length of {@code name}.
   *
   * @return the length
   */
  public int nameLength() {
    if (!complete) {
      throw partial("name");
    }
    return nameLength;
  }

  /**
   * {@code name}: UTF-8 text, length from nameSize. Allocates a new String; use {@link #nameOffset()} and the length on hot paths.
   *
   * @return the text
   */
  public String name() {
    if (!complete) {
      throw partial("name");
    }
    return Utf8.decode(buffer, offset + NAME_OFFSET, nameLength);
  }

  private static IllegalStateException partial(String field) {
    return new IllegalStateException("PingDecoder: " + field + " is outside the fixed part; wrap the whole frame with wrap() before reading it");
  }

  /**
   * Copies the wrapped frame into a new record (allocates; keep it off hot paths). {@code ByteBuffer} components are read-only views of the wrapped buffer; lists are unmodifiable. Restarts every list's cursor.
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
   * @return the whole frame's length (from {@link #MIN_LENGTH} to {@link #MAX_LENGTH}) once its fixed part and every length field are readable, or {@code -1} while more bytes are needed
   * @throws MalformedFrameException as soon as the declared length passes {@link #MAX_LENGTH} (or what an {@code int} can hold) or a length field is invalid
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
    long sizeNameSize = (src.get(atNameSize) & 0xFFL);
    pos += 1;
    if (sizeNameSize > MAX_LENGTH - (pos - offset)) {
      throw FrameProblem.exception("nameSize", atNameSize - offset, FrameProblem.DECLARED_OVER_MAX_LENGTH, pos - offset + sizeNameSize, MAX_LENGTH);
    }
    pos += sizeNameSize;
    return (int) (pos - offset);
  }

  @Override
  public String toString() {
    return buffer == null ? "PingDecoder[unwrapped]" : toRecord().toString();
  }
}
