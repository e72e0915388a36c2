package io.chatwire.protocol;

import static io.chatwire.protocol.Frames.hex;
import static io.chatwire.protocol.Frames.text;
import static io.chatwire.protocol.Frames.utf8Hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Freezes the wire format: these bytes are what other implementations (and older clients) see. A
 * change here is a protocol change.
 */
class GoldenVectorsTest {
  /** JOIN "lobby" with {"username":"alice"}: 32-byte header, payload size in the last 29. */
  static final String TCRP_JOIN =
      "05 02 00"
          + " 0000000000000000000000000000000000000000000000000000000014"
          + " 6c6f626279"
          + " 7b22757365726e616d65223a22616c696365227d";

  static final String CHAT = "05 04 6c6f626279 61626364 6869";
  static final String RELAY = "01 05 616c696365 6869";
  static final String NOTICE = "02 00 626f62206a6f696e6564";

  @Test
  void tcrpHeaderIs32BytesWithPayloadSizeInTheLast29() {
    TcrpFrame frame =
        Frames.tcrp(Operation.JOIN, State.REQUEST, "lobby", "{\"username\":\"alice\"}");
    ByteBuffer encoded = Frames.encode(frame);

    assertThat(hex(encoded, 0, encoded.limit())).isEqualTo(TCRP_JOIN.replace(" ", ""));
    assertThat(TcrpFrameDecoder.FIXED_LENGTH).isEqualTo(32);
    assertThat(TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET).isEqualTo(3);
    assertThat(TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_LENGTH).isEqualTo(29);
  }

  @Test
  void tcrpGoldenBytesDecode() {
    ByteBuffer bytes = hex(TCRP_JOIN);
    TcrpFrame frame = TcrpFrameDecoder.decode(bytes, 0, bytes.limit());

    assertThat(frame.operation()).isEqualTo(Operation.JOIN);
    assertThat(frame.state()).isEqualTo(State.REQUEST);
    assertThat(frame.roomName()).isEqualTo("lobby");
    assertThat(frame.operationPayloadSize()).isEqualTo(20);
    assertThat(text(frame.operationPayload())).isEqualTo("{\"username\":\"alice\"}");
  }

  @Test
  void everyOperationAndStateHasItsCode() {
    assertThat(Operation.CREATE.code()).isEqualTo(1);
    assertThat(Operation.JOIN.code()).isEqualTo(2);
    assertThat(Operation.LIST.code()).isEqualTo(3);
    assertThat(Operation.LEAVE.code()).isEqualTo(4);
    assertThat(State.REQUEST.code()).isZero();
    assertThat(State.RESPONSE.code()).isEqualTo(1);
    assertThat(State.COMPLETE.code()).isEqualTo(2);
    assertThat(Kind.MESSAGE.code()).isEqualTo(1);
    assertThat(Kind.NOTICE.code()).isEqualTo(2);
    assertThat(Kind.CLOSED.code()).isEqualTo(3);
    assertThat(Kind.EXPIRED.code()).isEqualTo(4);
  }

  @Test
  void chatDatagramGoldenBytes() {
    ChatDatagram datagram = new ChatDatagram(5, 4, "lobby", "abcd", Frames.utf8("hi"));
    ByteBuffer buffer = ByteBuffer.allocate(ChatDatagramEncoder.encodedLength(datagram));
    ChatDatagramEncoder.encode(datagram, buffer, 0);

    assertThat(hex(buffer, 0, buffer.limit())).isEqualTo(CHAT.replace(" ", ""));
    ChatDatagram decoded = ChatDatagramDecoder.decode(hex(CHAT), 0, hex(CHAT).limit());
    assertThat(decoded.roomName()).isEqualTo("lobby");
    assertThat(decoded.token()).isEqualTo("abcd");
    assertThat(text(decoded.message())).isEqualTo("hi");
  }

  @Test
  void heartbeatIsADatagramWithAnEmptyMessage() {
    ByteBuffer heartbeat = hex("05 04 6c6f626279 61626364");
    ChatDatagramDecoder decoder = new ChatDatagramDecoder().wrap(heartbeat, 0, heartbeat.limit());

    assertThat(decoder.messageLength()).isZero();
    assertThat(decoder.roomName()).isEqualTo("lobby");
  }

  @Test
  void relayDatagramGoldenBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    int length =
        new RelayDatagramEncoder()
            .wrap(buffer, 0)
            .kind(Kind.MESSAGE)
            .sender("alice")
            .text("hi".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .length();

    assertThat(hex(buffer, 0, length)).isEqualTo(RELAY.replace(" ", ""));
    RelayDatagram notice = RelayDatagramDecoder.decode(hex(NOTICE), 0, hex(NOTICE).limit());
    assertThat(notice.kind()).isEqualTo(Kind.NOTICE);
    assertThat(notice.sender()).isEmpty();
    assertThat(text(notice.text())).isEqualTo("bob joined");
    assertThat(utf8Hex("bob joined")).isEqualTo("626f62206a6f696e6564");
  }
}
