package good;

import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Zero-copy flyweight reader for {@link MediaHeader} frames: {@link #wrap} validates a whole frame once, then accessors read it with absolute gets and allocate nothing (except {@code String} accessors and {@link #toRecord()}).
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
public final class MediaHeaderDecoder {
  /**
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = true;

  /**
   * Bytes before the first field whose position depends on the data: what {@link #frameLength} needs to see.
   */
  public static final int FIXED_LENGTH = 4;

  /**
   * The shortest valid frame, with every variable field empty.
   */
  public static final int MIN_LENGTH = 4;

  /**
   * The longest frame accepted ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 256;

  /**
   * Offset of {@code version} from the start of the frame.
   */
  public static final int VERSION_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code version}.
   */
  public static final int VERSION_LENGTH = 2;

  /**
   * Offset of {@code padding} from the start of the frame.
   */
  public static final int PADDING_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code padding}.
   */
  public static final int PADDING_LENGTH = 2;

  /**
   * Offset of {@code extension} from the start of the frame.
   */
  public static final int EXTENSION_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code extension}.
   */
  public static final int EXTENSION_LENGTH = 2;

  /**
   * Offset of {@code sourceCount} from the start of the frame.
   */
  public static final int SOURCE_COUNT_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code sourceCount}.
   */
  public static final int SOURCE_COUNT_LENGTH = 2;

  /**
   * Offset of {@code marker} from the start of the frame.
   */
  public static final int MARKER_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code marker}.
   */
  public static final int MARKER_LENGTH = 2;

  /**
   * Offset of {@code payloadType} from the start of the frame.
   */
  public static final int PAYLOAD_TYPE_OFFSET = 0;

  /**
   * Width in bytes of the bit group that holds {@code payloadType}.
   */
  public static final int PAYLOAD_TYPE_LENGTH = 2;

  /**
   * Offset of {@code sequence} from the start of the frame.
   */
  public static final int SEQUENCE_OFFSET = 2;

  /**
   * Width of {@code sequence} in bytes.
   */
  public static final int SEQUENCE_LENGTH = 2;

  /**
   * Offset of {@code sources} from the start of the frame.
   */
  public static final int SOURCES_OFFSET = 4;

  private static final String[] PATHS = {"version", "padding", "extension", "sourceCount", "marker", "payloadType", "sequence", "sources"};

  private ByteBuffer buffer;

  private int offset;

  private int length;

  /**
   * False after {@link #wrapFixedPart}: only fixed-part fields are there.
   */
  private boolean complete;

  private int sourcesLength;

  private int sourcesCount;

  private final SourcesCursor sourcesCursor = new SourcesCursor();

  private final SourceDecoder sourcesAt = new SourceDecoder();

  /**
   * Whether the last failure was a list element's, found by its decoder.
   */
  private boolean failedInElement;

  private int failedField;

  private int failedOffset;

  private FrameProblem failedProblem;

  private long failedValue;

  private long failedLimit;

  /**
   * Creates an unwrapped decoder; call {@link #wrap} before reading.
   */
  public MediaHeaderDecoder() {
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
  public MediaHeaderDecoder wrap(ByteBuffer src, int offset, int length) {
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
    long sizeSourceCount = ((WireBuffers.getUnsigned(src, pos, 2, BIG_ENDIAN) >>> 8) & 0xfL);
    pos += 2;
    pos += 2;
    if (sizeSourceCount > (end - pos) / 4) {
      return fail(7, pos - offset, FrameProblem.COUNT_PAST_END, sizeSourceCount, (end - pos) / 4);
    }
    int sourcesCount = (int) sizeSourceCount;
    int sourcesLength = sourcesCount * 4;
    pos += sourcesLength;
    if (pos != end) {
      return fail(-1, pos - offset, FrameProblem.TRAILING_BYTES, end - pos, 0);
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = length;
    this.complete = true;
    this.sourcesLength = sourcesLength;
    this.sourcesCount = sourcesCount;
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
    long sizeSourceCount = ((WireBuffers.getUnsigned(src, pos, 2, BIG_ENDIAN) >>> 8) & 0xfL);
    pos += 2;
    pos += 2;
    if (sizeSourceCount > (end - pos) / 4) {
      fail(7, pos - offset, FrameProblem.COUNT_PAST_END, sizeSourceCount, (end - pos) / 4);
      return -1;
    }
    int sourcesCount = (int) sizeSourceCount;
    int sourcesLength = sourcesCount * 4;
    pos += sourcesLength;
    int length = pos - offset;
    if (length > MAX_LENGTH) {
      fail(-1, 0, FrameProblem.OVER_MAX_LENGTH, length, MAX_LENGTH);
      return -1;
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = length;
    this.complete = true;
    this.sourcesLength = sourcesLength;
    this.sourcesCount = sourcesCount;
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
  public MediaHeaderDecoder wrapFixedPart(ByteBuffer src, int offset, int available) {
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
    if (available < 4) {
      return fail(6, 2, FrameProblem.TRUNCATED, 2, available - 2);
    }
    return true;
  }

  private void failElement(int field, int index, int at) {
    this.failedField = field;
    this.failedOffset = at;
    this.failedInElement = true;
    this.failedValue = index;
  }

  private boolean fail(int field, int at, FrameProblem problem, long value, long limit) {
    this.failedInElement = false;
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
    if (failedInElement) {
      if (failedField == 7) {
        return FrameProblem.inElement(PATHS[failedField], failedValue, failedOffset, sourcesCursor.element.failure());
      }
    }
    return FrameProblem.exception(failedField < 0 ? "MediaHeader" : PATHS[failedField], failedOffset, failedProblem, failedValue, failedLimit);
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
   * {@code version}: unsigned 2-bit field.
   *
   * @return the value
   */
  public int version() {
    return (int) ((WireBuffers.getUnsigned(buffer, offset + VERSION_OFFSET, 2, BIG_ENDIAN) >>> 14) & 0x3L);
  }

  /**
   * {@code padding}: flag (1 bit).
   *
   * @return the value
   */
  public boolean padding() {
    return ((WireBuffers.getUnsigned(buffer, offset + PADDING_OFFSET, 2, BIG_ENDIAN) >>> 13) & 0x1L) != 0;
  }

  /**
   * {@code extension}: flag (1 bit).
   *
   * @return the value
   */
  public boolean extension() {
    return ((WireBuffers.getUnsigned(buffer, offset + EXTENSION_OFFSET, 2, BIG_ENDIAN) >>> 12) & 0x1L) != 0;
  }

  /**
   * {@code sourceCount}: unsigned 4-bit field.
   *
   * @return the value
   */
  public int sourceCount() {
    return (int) ((WireBuffers.getUnsigned(buffer, offset + SOURCE_COUNT_OFFSET, 2, BIG_ENDIAN) >>> 8) & 0xfL);
  }

  /**
   * {@code marker}: flag (1 bit).
   *
   * @return the value
   */
  public boolean marker() {
    return ((WireBuffers.getUnsigned(buffer, offset + MARKER_OFFSET, 2, BIG_ENDIAN) >>> 7) & 0x1L) != 0;
  }

  /**
   * {@code payloadType}: unsigned 7-bit field.
   *
   * @return the value
   */
  public int payloadType() {
    return (int) ((WireBuffers.getUnsigned(buffer, offset + PAYLOAD_TYPE_OFFSET, 2, BIG_ENDIAN) >>> 0) & 0x7fL);
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
   * Absolute index of {@code sources} in {@link #wrappedBuffer()}.
   *
   * @return the index
   */
  public int sourcesOffset() {
    if (!complete) {
      throw partial("sources");
    }
    return offset + SOURCES_OFFSET;
  }

  /**
   * Byte length of {@code sources}.
   *
   * @return the length
   */
  public int sourcesLength() {
    if (!complete) {
      throw partial("sources");
    }
    return sourcesLength;
  }

  /**
   * Number of elements of {@code sources}.
   *
   * @return the count
   */
  public int sourcesCount() {
    if (!complete) {
      throw partial("sources");
    }
    return sourcesCount;
  }

  /**
   * {@code sources}: list of Source, count from sourceCount. The list's cursor, restarted at its first element: iterate it once (it is also the {@code Iterable} of a for-each loop). One cursor and one element flyweight per decoder, reused: no allocation.
   *
   * @return the cursor
   */
  public SourcesCursor sources() {
    if (!complete) {
      throw partial("sources");
    }
    return sourcesCursor.reset(buffer, offset + SOURCES_OFFSET, sourcesLength, sourcesCount);
  }

  /**
   * Element {@code index} of {@code sources}, in O(1): a flyweight reused by every call (no allocation).
   *
   * @param index from 0 to the count - 1
   * @return the element's decoder
   * @throws IndexOutOfBoundsException if there is no such element
   */
  public SourceDecoder sources(int index) {
    if (!complete) {
      throw partial("sources");
    }
    Objects.checkIndex(index, sourcesCount);
    return sourcesAt.wrap(buffer, offset + SOURCES_OFFSET + index * 4, 4);
  }

  private static IllegalStateException partial(String field) {
    return new IllegalStateException("MediaHeaderDecoder: " + field + " is outside the fixed part; wrap the whole frame with wrap() before reading it");
  }

  /**
   * Copies the wrapped frame into a new record (allocates; keep it off hot paths). {@code ByteBuffer} components are read-only views of the wrapped buffer; lists are unmodifiable. Restarts every list's cursor.
   *
   * @return the record
   */
  public MediaHeader toRecord() {
    List<MediaHeader.Source> sourcesList;
    {
      SourcesCursor cursor = sources();
      MediaHeader.Source[] items = new MediaHeader.Source[cursor.count()];
      for (int i = 0; i < items.length; i++) {
        items[i] = cursor.next().toRecord();
      }
      sourcesList = List.of(items);
    }
    return new MediaHeader(version(), padding(), extension(), sourceCount(), marker(), payloadType(), sequence(), sourcesList);
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
  public static MediaHeader decode(ByteBuffer src, int offset, int length) {
    return new MediaHeaderDecoder().wrap(src, offset, length).toRecord();
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
    if (pos + 2 > end) {
      return -1;
    }
    int atSourceCount = (int) pos;
    long sizeSourceCount = ((WireBuffers.getUnsigned(src, atSourceCount, 2, BIG_ENDIAN) >>> 8) & 0xfL);
    pos += 2;
    pos += 2;
    if (sizeSourceCount > (MAX_LENGTH - (pos - offset)) / 4) {
      throw FrameProblem.exception("sourceCount", atSourceCount - offset, FrameProblem.DECLARED_OVER_MAX_LENGTH, pos - offset + sizeSourceCount * 4, MAX_LENGTH);
    }
    pos += sizeSourceCount * 4;
    return (int) (pos - offset);
  }

  @Override
  public String toString() {
    return buffer == null ? "MediaHeaderDecoder[unwrapped]" : toRecord().toString();
  }

  /**
   * Walks the elements of {@code sources} in order with one reused {@link SourceDecoder}.
   */
  public static final class SourcesCursor implements Iterator<SourceDecoder>, Iterable<SourceDecoder> {
    private final SourceDecoder element = new SourceDecoder();

    private ByteBuffer buffer;

    private int next;

    private int end;

    private int count;

    private int index;

    private SourcesCursor() {
    }

    private SourcesCursor reset(ByteBuffer buffer, int from, int length, int count) {
      this.buffer = buffer;
      this.next = from;
      this.end = from + length;
      this.count = count;
      this.index = 0;
      return this;
    }

    /**
     * The number of elements in the list.
     *
     * @return the count
     */
    public int count() {
      return count;
    }

    /**
     * Whether an element is left.
     *
     * @return {@code true} if so
     */
    @Override
    public boolean hasNext() {
      return index < count;
    }

    /**
     * Wraps the next element (the same flyweight each time).
     *
     * @return the element's decoder
     * @throws java.util.NoSuchElementException after the last element
     */
    @Override
    public SourceDecoder next() {
      if (index >= count) {
        throw new NoSuchElementException("sources has no more elements");
      }
      element.wrap(buffer, next, 4);
      next += 4;
      index++;
      return element;
    }

    /**
     * This cursor itself, so that it can be walked by a for-each loop.
     *
     * @return this cursor
     */
    @Override
    public Iterator<SourceDecoder> iterator() {
      return this;
    }
  }
}
