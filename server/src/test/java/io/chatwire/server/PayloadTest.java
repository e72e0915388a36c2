package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Payload forms and name rules, without sockets. */
class PayloadTest {
  private static Payload parse(String text) throws BadRequestException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 3);
    buffer.put(3, bytes);
    return Payload.parse(buffer, 3, bytes.length);
  }

  @Test
  void readsTheThreeForms() throws BadRequestException {
    assertThat(parse("{\"username\":\"alice\",\"password\":\"pw\",\"extra\":{}}"))
        .isEqualTo(new Payload("alice", "pw", null));
    assertThat(parse("{\"token\":\"abc\"}")).isEqualTo(new Payload(null, null, "abc"));
    assertThat(parse("\"bob\\u00e9\"").username()).isEqualTo("bobé");
    assertThat(parse("plain name").username()).isEqualTo("plain name");
    assertThat(parse("")).isEqualTo(new Payload(null, null, null));
  }

  @Test
  void rejectsBrokenJsonAndWrongTypes() {
    for (String bad : new String[] {"{", "{\"username\":}", "\"open", "{\"password\":[1]}"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(BadRequestException.class);
    }
    ByteBuffer notUtf8 = ByteBuffer.wrap(new byte[] {'a', (byte) 0xC0, (byte) 0x80});
    assertThatThrownBy(() -> Payload.parse(notUtf8, 0, 3)).isInstanceOf(BadRequestException.class);
  }

  @Test
  void trailingBytesAfterTheJsonValueAreRejectedButWhitespaceIsNot() throws BadRequestException {
    for (String bad :
        new String[] {"{\"username\":\"bob\"}xyz", "\"bob\"xyz", "{}{}", "\"a\" \"b\"", "{} 1"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(BadRequestException.class);
    }
    assertThat(parse("{\"username\":\"bob\"} \r\n\t").username()).isEqualTo("bob");
    assertThat(parse("\"bob\"\n").username()).isEqualTo("bob");
  }

  @Test
  void listOffsetIsAWholeNumber() throws BadRequestException {
    assertThat(parse("{\"offset\":250}").offset()).isEqualTo(250);
    assertThat(parse("{}").offset()).isZero();
    for (String bad : new String[] {"{\"offset\":-1}", "{\"offset\":1.5}", "{\"offset\":\"3\"}"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void namesAreOneTo64BytesWithoutControlCharacters() throws BadRequestException {
    assertThat(Name.of("username", "é".repeat(32), 64).bytes()).hasSize(64);
    for (String bad : new String[] {"", "é".repeat(33), "a\nb", "\u0000", "x\u009f", "\ud800"}) {
      assertThatThrownBy(() -> Name.of("username", bad, 64))
          .as(bad)
          .isInstanceOf(BadRequestException.class);
    }
    assertThatThrownBy(() -> Name.of("username", null, 64)).isInstanceOf(BadRequestException.class);
  }

  @Test
  void logTextHasNoLineBreaks() {
    assertThat(Name.forLog("evil\nINFO fake line")).isEqualTo("evil\\u000aINFO fake line");
    assertThat(Name.forLog("x".repeat(500))).hasSize(80);
  }
}
