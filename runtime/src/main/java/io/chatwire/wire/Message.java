package io.chatwire.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as a binary wire layout. The chatwire annotation processor generates a {@code
 * <Record>Encoder} and a {@code <Record>Decoder} beside it.
 *
 * <p>Every record component carries exactly one {@link Field}; components are laid out in
 * declaration order with no padding.
 *
 * <pre>{@code
 * @Message(maxLength = 4096)
 * public record Ping(
 *     @Field(bytes = 2) int sequence,
 *     @Field(bytes = 1) int nameSize,
 *     @Field(sizeFrom = "nameSize") String name) {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Message {
  /**
   * Byte order of every integer field of this message.
   *
   * @return the byte order, {@link Endian#BIG} by default
   */
  Endian endian() default Endian.BIG;

  /**
   * Largest whole frame in bytes; decoders reject longer frames before reading them and encoders
   * refuse to write them.
   *
   * @return the limit in bytes, {@code 0} for no limit
   */
  int maxLength() default 0;
}
