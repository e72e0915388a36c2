package io.chatwire.wire;

/**
 * Implemented by enums used as {@link Field} components: the constant travels as its {@link
 * #code()}. Codes must be unique within the enum and fit the field's width.
 */
public interface WireCode {
  /**
   * The value written on the wire for this constant.
   *
   * @return a non-negative code
   */
  int code();
}
