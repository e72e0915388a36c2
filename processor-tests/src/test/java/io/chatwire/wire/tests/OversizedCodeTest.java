package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.tests.OversizedCode.Level;
import org.junit.jupiter.api.Test;

/** An enum code too wide for its field fails loudly when the codec is first used. */
class OversizedCodeTest {
  @Test
  void encoderRefusesToInitialize() {
    assertThatThrownBy(() -> OversizedCodeEncoder.encodedLength(new OversizedCode(Level.LOW)))
        .isInstanceOf(ExceptionInInitializerError.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(
            "io.chatwire.wire.tests.OversizedCode$Level.HIGH.code() = 300 does not fit 1"
                + " unsigned byte(s)");
  }

  @Test
  void decoderRefusesToInitialize() {
    assertThatThrownBy(OversizedCodeDecoder::new)
        .isInstanceOf(ExceptionInInitializerError.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }
}
