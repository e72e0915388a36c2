package io.chatwire.wire.tests.v2;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;

/**
 * The entry points of one generated decoder, so that the same checks run over every record.
 *
 * @param name the record's name
 * @param minLength the decoder's {@code MIN_LENGTH}
 * @param remainder whether the layout ends in a {@code remainder} field
 * @param decode the static {@code decode}
 * @param tryWrap {@code tryWrap}, answering {@code null} or {@code failure()}
 * @param tryWrapPrefix {@code tryWrapPrefix}
 * @param frameLength the static {@code frameLength}
 */
record Codec(
    String name,
    int minLength,
    boolean remainder,
    Range<Object> decode,
    Range<MalformedFrameException> tryWrap,
    Range<Integer> tryWrapPrefix,
    Range<Integer> frameLength) {

  /**
   * One entry point over a byte range.
   *
   * @param <T> what it answers
   */
  @FunctionalInterface
  interface Range<T> {
    T apply(ByteBuffer src, int offset, int length);
  }

  @Override
  public String toString() {
    return name;
  }
}
