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
 * Zero-copy flyweight reader for {@link Directory} frames: {@link #wrap} validates a whole frame once, then accessors read it with absolute gets and allocate nothing (except {@code String} accessors and {@link #toRecord()}).
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
public final class DirectoryDecoder {
  /**
   * The message's byte order ({@code @Message(endian)}).
   */
  private static final boolean BIG_ENDIAN = false;

  /**
   * Bytes before the first field whose position depends on the data: what {@link #frameLength} needs to see.
   */
  public static final int FIXED_LENGTH = 2;

  /**
   * The shortest valid frame, with every variable field empty.
   */
  public static final int MIN_LENGTH = 2;

  /**
   * The longest frame accepted ({@code @Message(maxLength)}).
   */
  public static final int MAX_LENGTH = 1024;

  /**
   * Offset of {@code size} from the start of the frame.
   */
  public static final int SIZE_OFFSET = 0;

  /**
   * Width of {@code size} in bytes.
   */
  public static final int SIZE_LENGTH = 2;

  /**
   * Offset of {@code entries} from the start of the frame.
   */
  public static final int ENTRIES_OFFSET = 2;

  private static final String[] PATHS = {"size", "entries"};

  private ByteBuffer buffer;

  private int offset;

  private int length;

  /**
   * False after {@link #wrapFixedPart}: only fixed-part fields are there.
   */
  private boolean complete;

  private int entriesLength;

  private int entriesCount;

  private final EntriesCursor entriesCursor = new EntriesCursor();

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
  public DirectoryDecoder() {
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
  public DirectoryDecoder wrap(ByteBuffer src, int offset, int length) {
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
    long sizeSize = WireBuffers.getUnsigned(src, pos, 2, BIG_ENDIAN);
    pos += 2;
    if (sizeSize > end - pos) {
      return fail(1, pos - offset, FrameProblem.PAST_END, sizeSize, end - pos);
    }
    int entriesLength = (int) sizeSize;
    int entriesCount = 0;
    {
      int p = pos;
      int listEnd = pos + entriesLength;
      while (p < listEnd) {
        int n = entriesCursor.element.tryWrapPrefix(src, p, listEnd - p);
        if (n < 0) {
          failElement(1, entriesCount, p - offset);
          return false;
        }
        p += n;
        entriesCount++;
      }
    }
    pos += entriesLength;
    if (pos != end) {
      return fail(-1, pos - offset, FrameProblem.TRAILING_BYTES, end - pos, 0);
    }
    if (this.buffer != src) {
      this.buffer = src;
    }
    this.offset = offset;
    this.length = length;
    this.complete = true;
    this.entriesLength = entriesLength;
    this.entriesCount = entriesCount;
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
    long sizeSize = WireBuffers.getUnsigned(src, pos, 2, BIG_ENDIAN);
    pos += 2;
    if (sizeSize > end - pos) {
      fail(1, pos - offset, FrameProblem.PAST_END, sizeSize, end - pos);
      return -1;
    }
    int entriesLength = (int) sizeSize;
    int entriesCount = 0;
    {
      int p = pos;
      int listEnd = pos + entriesLength;
      while (p < listEnd) {
        int n = entriesCursor.element.tryWrapPrefix(src, p, listEnd - p);
        if (n < 0) {
          failElement(1, entriesCount, p - offset);
          return -1;
        }
        p += n;
        entriesCount++;
      }
    }
    pos += entriesLength;
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
    this.entriesLength = entriesLength;
    this.entriesCount = entriesCount;
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
  public DirectoryDecoder wrapFixedPart(ByteBuffer src, int offset, int available) {
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
      if (failedField == 1) {
        return FrameProblem.inElement(PATHS[failedField], failedValue, failedOffset, entriesCursor.element.failure());
      }
    }
    return FrameProblem.exception(failedField < 0 ? "Directory" : PATHS[failedField], failedOffset, failedProblem, failedValue, failedLimit);
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
   * {@code size}: unsigned 16-bit integer.
   *
   * @return the value
   */
  public int size() {
    return (int) WireBuffers.getUnsigned(buffer, offset + SIZE_OFFSET, 2, BIG_ENDIAN);
  }

  /**
   * Absolute index of {@code entries} in {@link #wrappedBuffer()}.
   *
   * @return the index
   */
  public int entriesOffset() {
    if (!complete) {
      throw partial("entries");
    }
    return offset + ENTRIES_OFFSET;
  }

  /**
   * Byte length of {@code entries}.
   *
   * @return the length
   */
  public int entriesLength() {
    if (!complete) {
      throw partial("entries");
    }
    return entriesLength;
  }

  /**
   * Number of elements of {@code entries}.
   *
   * @return the count
   */
  public int entriesCount() {
    if (!complete) {
      throw partial("entries");
    }
    return entriesCount;
  }

  /**
   * {@code entries}: list of Entry, byte length from size. The list's cursor, restarted at its first element: iterate it once (it is also the {@code Iterable} of a for-each loop). One cursor and one element flyweight per decoder, reused: no allocation.
   *
   * @return the cursor
   */
  public EntriesCursor entries() {
    if (!complete) {
      throw partial("entries");
    }
    return entriesCursor.reset(buffer, offset + ENTRIES_OFFSET, entriesLength, entriesCount);
  }

  private static IllegalStateException partial(String field) {
    return new IllegalStateException("DirectoryDecoder: " + field + " is outside the fixed part; wrap the whole frame with wrap() before reading it");
  }

  /**
   * Copies the wrapped frame into a new record (allocates; keep it off hot paths). {@code ByteBuffer} components are read-only views of the wrapped buffer; lists are unmodifiable. Restarts every list's cursor.
   *
   * @return the record
   */
  public Directory toRecord() {
    List<Directory.Entry> entriesList;
    {
      EntriesCursor cursor = entries();
      Directory.Entry[] items = new Directory.Entry[cursor.count()];
      for (int i = 0; i < items.length; i++) {
        items[i] = cursor.next().toRecord();
      }
      entriesList = List.of(items);
    }
    return new Directory(size(), entriesList);
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
  public static Directory decode(ByteBuffer src, int offset, int length) {
    return new DirectoryDecoder().wrap(src, offset, length).toRecord();
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
    int atSize = (int) pos;
    long sizeSize = WireBuffers.getUnsigned(src, atSize, 2, BIG_ENDIAN);
    pos += 2;
    if (sizeSize > MAX_LENGTH - (pos - offset)) {
      throw FrameProblem.exception("size", atSize - offset, FrameProblem.DECLARED_OVER_MAX_LENGTH, pos - offset + sizeSize, MAX_LENGTH);
    }
    pos += sizeSize;
    return (int) (pos - offset);
  }

  @Override
  public String toString() {
    return buffer == null ? "DirectoryDecoder[unwrapped]" : toRecord().toString();
  }

  /**
   * Walks the elements of {@code entries} in order with one reused {@link EntryDecoder}.
   */
  public static final class EntriesCursor implements Iterator<EntryDecoder>, Iterable<EntryDecoder> {
    private final EntryDecoder element = new EntryDecoder();

    private ByteBuffer buffer;

    private int next;

    private int end;

    private int count;

    private int index;

    private EntriesCursor() {
    }

    private EntriesCursor reset(ByteBuffer buffer, int from, int length, int count) {
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
    public EntryDecoder next() {
      if (index >= count) {
        throw new NoSuchElementException("entries has no more elements");
      }
      int n = element.tryWrapPrefix(buffer, next, end - next);
      if (n < 0) {
        throw element.failure();
      }
      next += n;
      index++;
      return element;
    }

    /**
     * This cursor itself, so that it can be walked by a for-each loop.
     *
     * @return this cursor
     */
    @Override
    public Iterator<EntryDecoder> iterator() {
      return this;
    }
  }
}
