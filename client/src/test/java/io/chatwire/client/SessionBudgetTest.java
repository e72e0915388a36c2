package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagram;
import io.chatwire.protocol.RelayDatagramEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The message budget agrees with both records: the longest message fills the member's {@code
 * ChatDatagram} or the server's {@code RelayDatagram} exactly, whichever is tighter.
 */
class SessionBudgetTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @Test
  void longNameMakesTheRelayDatagramTheLimit() {
    String name = "ñ".repeat(32); // 64 UTF-8 bytes, the longest username
    int budget = Session.maxMessageBytes("r", name, TOKEN);
    assertThat(relayLength(name, budget)).isEqualTo(RelayDatagramEncoder.MAX_LENGTH);
    assertThat(chatLength("r", TOKEN, budget)).isLessThan(ChatDatagramEncoder.MAX_LENGTH);
  }

  @Test
  void longRoomMakesTheChatDatagramTheLimit() {
    String room = "r".repeat(255);
    int budget = Session.maxMessageBytes(room, "a", TOKEN);
    assertThat(chatLength(room, TOKEN, budget)).isEqualTo(ChatDatagramEncoder.MAX_LENGTH);
    assertThat(relayLength("a", budget)).isLessThan(RelayDatagramEncoder.MAX_LENGTH);
  }

  private static int relayLength(String sender, int textBytes) {
    int senderBytes = sender.getBytes(StandardCharsets.UTF_8).length;
    return RelayDatagramEncoder.encodedLength(
        new RelayDatagram(Kind.MESSAGE, senderBytes, sender, ByteBuffer.allocate(textBytes)));
  }

  private static int chatLength(String room, String token, int messageBytes) {
    return ChatDatagramEncoder.encodedLength(
        new ChatDatagram(
            room.getBytes(StandardCharsets.UTF_8).length,
            token.length(),
            room,
            token,
            ByteBuffer.allocate(messageBytes)));
  }
}
