package io.chatwire.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes how one record component of a {@link Message} is laid out on the wire. Exactly one of
 * {@link #bytes()}, {@link #sizeFrom()} and {@link #remainder()} is set, except on a nested
 * {@code @Message} record component, which takes none of them.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface Field {
  /**
   * Fixed width in bytes. Integers: 1 to 8 ({@code long} also takes more, zero-padded); {@code
   * boolean}: 1; {@code String} and {@code ByteBuffer}: any positive width.
   *
   * @return the width, {@code 0} when not fixed
   */
  int bytes() default 0;

  /**
   * Name of an earlier integer component whose value is this field's length in bytes.
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
}
