package io.chatwire.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes how one record component of a {@link Message} is laid out on the wire. A component's
 * length comes from exactly one rule: {@link #bytes()}, {@link #bits()}, {@link #varint()}, {@link
 * #sizeFrom()}, {@link #countFrom()}, {@link #remainder()} or {@link #nulTerminated()}, except a
 * nested {@code @Message} record component, which takes none of them.
 *
 * <pre>
 * boolean byte short int long   bytes = 1..8, or bits = 1..64 (a bit field)
 * int long                      varint = true (unsigned LEB128)
 * float double                  bytes = 4 / bytes = 8 (IEEE 754)
 * WireCode enum                 bytes = 1..4, or bits
 * String ByteBuffer             bytes, sizeFrom, remainder or nulTerminated
 * List&lt;E&gt; (E a @Message)        countFrom, sizeFrom or remainder
 * a @Message record             nothing: inlined
 * </pre>
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface Field {
  /**
   * Fixed width in bytes. Integers: 1 to 8 ({@code long} also takes more, zero-padded); {@code
   * boolean}: 1; {@code float}: 4; {@code double}: 8; {@code String} and {@code ByteBuffer}: any
   * positive width.
   *
   * @return the width, {@code 0} when not fixed
   */
  int bytes() default 0;

  /**
   * Name of an earlier unsigned integer component whose value is this field's length in bytes (for
   * a {@code List}: the byte length of all its elements together).
   *
   * @return the component name, empty when not used
   */
  String sizeFrom() default "";

  /**
   * Whether this field takes the rest of the frame. Only allowed on the last component.
   *
   * @return {@code true} for a remainder field
   */
  boolean remainder() default false;

  /**
   * Whether an integer is two's complement rather than unsigned.
   *
   * @return {@code true} for a signed integer
   */
  boolean signed() default false;

  /**
   * Largest allowed value (integers) or byte length (strings and byte buffers).
   *
   * @return the limit, {@code -1} for none beyond what the width allows
   */
  long max() default -1;

  /**
   * Width in bits of a bit field. Consecutive {@code bits} components form one group that must add
   * up to a whole number of bytes (at most 8). In a {@link Endian#BIG} message the first component
   * takes the group's most significant bits (the order of RFC diagrams); in a {@link Endian#LITTLE}
   * message the group is a little-endian integer and the first component takes its least
   * significant bits.
   *
   * @return the width in bits, {@code 0} when not a bit field
   */
  int bits() default 0;

  /**
   * Name of an earlier unsigned integer component whose value is the number of elements of this
   * {@code List} component.
   *
   * @return the component name, empty when not used
   */
  String countFrom() default "";

  /**
   * Whether an {@code int} or {@code long} is an unsigned LEB128 varint: 7 bits per byte, least
   * significant group first, the high bit set on every byte but the last. At most 5 bytes for an
   * {@code int} (values up to {@code Integer.MAX_VALUE}) and 10 for a {@code long} (all 2^64 bit
   * patterns); overlong encodings are malformed.
   *
   * @return {@code true} for a varint
   */
  boolean varint() default false;

  /**
   * Whether a {@code String} or {@code ByteBuffer} ends with one {@code 0x00} byte, which is
   * consumed and not part of the value. Encoding a value that contains {@code 0x00} is an {@code
   * IllegalArgumentException}.
   *
   * @return {@code true} for a NUL-terminated field
   */
  boolean nulTerminated() default false;
}
