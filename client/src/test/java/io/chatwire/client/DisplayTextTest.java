package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Received text made safe for a terminal. */
class DisplayTextTest {

  @Test
  void malformedUtf8BecomesReplacementCharacters() {
    ByteBuffer bytes =
        ByteBuffer.wrap(new byte[] {'o', 'k', (byte) 0xFF, (byte) 0xE3, (byte) 0x81});
    assertThat(DisplayText.decode(bytes)).startsWith("ok\uFFFD").doesNotContain("\u0000");
  }

  @Test
  void controlCharactersCannotReachTheTerminal() {
    assertThat(DisplayText.clean("a\u001b[31mred\r\nb\u0007"))
        .isEqualTo("a\uFFFD[31mred\uFFFD\uFFFDb\uFFFD");
    assertThat(DisplayText.clean("tab\tstays 日本 🎉")).isEqualTo("tab\tstays 日本 🎉");
  }
}
