package io.chatwire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The UTF-8 helpers agree with the JDK's strict decoder and encoder. */
class Utf8Test {
  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Property(tries = 5000)
  void validationMatchesTheJdkOnArbitraryBytes(@ForAll @Size(max = 12) byte[] bytes) {
    int bad = Utf8.firstMalformed(ByteBuffer.wrap(bytes), 0, bytes.length);

    assertThat(bad == -1).isEqualTo(jdkAccepts(bytes));
  }

  @Property(tries = 3000)
  void validationMatchesTheJdkOnMostlyAsciiText(
      @ForAll @Size(max = 40) byte[] noise, @ForAll @Size(max = 40) String text) {
    byte[] ascii = text.replaceAll("[^\\x00-\\x7f]", "a").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[ascii.length + noise.length];
    System.arraycopy(ascii, 0, bytes, 0, ascii.length);
    System.arraycopy(noise, 0, bytes, ascii.length, noise.length);
    int bad = Utf8.firstMalformed(ByteBuffer.wrap(bytes), 0, bytes.length);

    assertThat(bad == -1).isEqualTo(jdkAccepts(bytes));
    assertThat(bad == -1 || bad >= ascii.length).as("first bad byte %d", bad).isTrue();
  }

  @Property(tries = 3000)
  void isAsciiIsNoByteAbove0x7f(
      @ForAll @Size(max = 40) byte[] bytes, @ForAll @IntRange(max = 40) int from) {
    int start = Math.min(from, bytes.length);
    boolean expected = true;
    for (int i = start; i < bytes.length; i++) {
      expected &= bytes[i] >= 0;
    }
    assertThat(Utf8.isAscii(ByteBuffer.wrap(bytes), start, bytes.length)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void isAsciiFindsOneHighByteAnywhere(
      @ForAll @StringLength(min = 1, max = 40) String text, @ForAll @IntRange(max = 39) int at) {
    byte[] bytes = text.replaceAll("[^\\x00-\\x7f]", "a").getBytes(StandardCharsets.US_ASCII);
    assertThat(Utf8.isAscii(ByteBuffer.wrap(bytes), 0, bytes.length)).isTrue();
    bytes[at % bytes.length] |= (byte) 0x80;
    assertThat(Utf8.isAscii(ByteBuffer.wrap(bytes), 0, bytes.length)).isFalse();
  }

  @Property(tries = 2000)
  void encodingMatchesStringGetBytes(@ForAll String text) {
    byte[] expected = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(expected.length + 2);

    int written = Utf8.encode(text, buffer, 1);

    assertThat(Utf8.encodedLength(text)).isEqualTo(expected.length);
    assertThat(written).isEqualTo(expected.length);
    assertThat(buffer.slice(1, written)).isEqualTo(ByteBuffer.wrap(expected));
    assertThat(Utf8.firstMalformed(buffer, 1, 1 + written)).isEqualTo(-1);
  }

  @Test
  void reportsTheFirstBadByte() {
    byte[] bytes = {'a', 'b', (byte) 0xE3, (byte) 0x81, 'c'};
    assertThat(Utf8.firstMalformed(ByteBuffer.wrap(bytes), 0, 5)).isEqualTo(2);
    assertThat(Utf8.firstMalformed(ByteBuffer.wrap(bytes), 0, 2)).isEqualTo(-1);
  }

  @Test
  void decodePaddedDropsTrailingNuls() {
    ByteBuffer direct = ByteBuffer.allocateDirect(8);
    direct.put(0, (byte) 'h').put(1, (byte) 'i');
    assertThat(Utf8.decodePadded(direct, 0, 8)).isEqualTo("hi");
    assertThat(Utf8.decode(direct, 0, 2)).isEqualTo("hi");
  }
}
