package io.chatwire.server;

import static io.chatwire.server.Tcrp.request;
import static io.chatwire.server.Tcrp.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrameDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every TCRP operation and status code, through real TCP requests. */
class ControlPlaneTest {
  private final ManualClock clock = new ManualClock();
  private ChatServer server;
  private final List<Socket> sockets = new ArrayList<>();

  private ChatServer start(ServerOptions options) throws IOException {
    server =
        ChatServer.start(
            options.withHost("127.0.0.1").withTcpPort(0).withUdpPort(0).withClock(clock));
    return server;
  }

  private int port() {
    return server.tcpPort();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void createAnswersTwoFramesWithTokenAndUdpPort() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.Answer a = request(port(), Operation.CREATE, "lobby", "{\"username\":\"alice\"}");
    assertThat(a.frames()).hasSize(2);
    assertThat(a.frames().get(0).state()).isEqualTo(State.RESPONSE);
    assertThat(a.frames().get(1).state()).isEqualTo(State.COMPLETE);
    for (var f : a.frames()) {
      assertThat(f.operation()).isEqualTo(Operation.CREATE);
      assertThat(f.roomName()).isEqualTo("lobby");
    }
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).containsKey("message");
    assertThat(a.token()).matches("[0-9a-f]{32,64}");
    assertThat(((Number) a.completion().get("udpPort")).intValue()).isEqualTo(server.udpPort());
  }

  @Test
  void tokensAreUnique() throws IOException {
    start(ServerOptions.defaults());
    String host = Tcrp.create(port(), "r", "alice");
    String bob = Tcrp.join(port(), "r", "bob");
    String carol = Tcrp.create(port(), "s", "alice");
    assertThat(List.of(host, bob, carol)).doesNotHaveDuplicates();
  }

  @Test
  void joinAcceptsJsonObjectJsonStringAndPlainUsernames() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.create(port(), "room", "host");
    assertThat(request(port(), Operation.JOIN, "room", "{\"username\":\"a\",\"x\":[1]}").status())
        .isEqualTo(200);
    assertThat(request(port(), Operation.JOIN, "room", "\"b\"").status()).isEqualTo(200);
    Tcrp.Answer plain = request(port(), Operation.JOIN, "room", "ユーザー😀");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.frames().get(1).operation()).isEqualTo(Operation.JOIN);
  }

  @Test
  void listShowsRoomsWithMemberCountsAndLocks() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.create(port(), "open", "a");
    Tcrp.join(port(), "open", "b");
    Tcrp.Answer locked =
        request(port(), Operation.CREATE, "secret", "{\"username\":\"c\",\"password\":\"pw\"}");
    assertThat(locked.status()).isEqualTo(200);
    for (String payload : new String[] {"", "{}"}) {
      Tcrp.Answer list = request(port(), Operation.LIST, "", payload);
      assertThat(list.frames()).hasSize(1);
      assertThat(list.status()).isEqualTo(200);
      assertThat(castList(list.body().get("rooms")))
          .containsExactly(
              Map.of("name", "open", "members", 2, "locked", false),
              Map.of("name", "secret", "members", 1, "locked", true));
    }
  }

  @Test
  void lockedRoomNeedsTheRightPassword() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.Answer created =
        request(port(), Operation.CREATE, "vault", "{\"username\":\"h\",\"password\":\"s3cret\"}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(request(port(), Operation.JOIN, "vault", "{\"username\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(request(port(), Operation.JOIN, "vault", "bob").status()).isEqualTo(401);
    Tcrp.Answer wrong =
        request(port(), Operation.JOIN, "vault", "{\"username\":\"x\",\"password\":\"nope\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.frames()).hasSize(1);
    Tcrp.Answer right =
        request(port(), Operation.JOIN, "vault", "{\"username\":\"x\",\"password\":\"s3cret\"}");
    assertThat(right.status()).isEqualTo(200);
    assertThat(right.frames()).hasSize(2);
  }

  @Test
  void passwordForAnOpenRoomIsIgnored() throws IOException {
    start(ServerOptions.defaults());
    assertThat(
            request(port(), Operation.CREATE, "o", "{\"username\":\"h\",\"password\":\"\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            request(port(), Operation.JOIN, "o", "{\"username\":\"x\",\"password\":\"any\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void malformedRequestsGet400() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.create(port(), "room", "taken");
    String[][] cases = {
      {"CREATE", "new", "{\"username\": "},
      {"CREATE", "new", "{\"name\":\"alice\"}"},
      {"CREATE", "new", "{\"username\": 42}"},
      {"CREATE", "new", "{\"username\":\"a\",\"password\":7}"},
      {"CREATE", "new", "\"unterminated"},
      {"CREATE", "new", ""},
      {"CREATE", "", "{\"username\":\"alice\"}"},
      {"CREATE", "bad\u0007room", "alice"},
      {"JOIN", "room", "tab\there"},
      {"JOIN", "room", "x".repeat(65)},
      {"JOIN", "room", "{\"username\":\"\"}"},
      {"LEAVE", "room", "{}"},
      {"LIST", "", "{not json"},
    };
    for (String[] c : cases) {
      Tcrp.Answer a = request(port(), Operation.valueOf(c[0]), c[1], c[2]);
      assertThat(a.status()).as("%s %s %s", c[0], c[1], c[2]).isEqualTo(400);
      assertThat(a.frames()).hasSize(1);
      assertThat(a.frames().get(0).operation()).isEqualTo(Operation.valueOf(c[0]));
    }
    assertThat(request(port(), Operation.JOIN, "room", "x".repeat(64)).status()).isEqualTo(200);
  }

  @Test
  void malformedFramesGet400() throws IOException {
    start(ServerOptions.defaults());
    byte[] response = Tcrp.frame(Operation.JOIN, State.RESPONSE, "room", utf8("bob"));
    assertThat(Tcrp.exchange(port(), null, response).status()).isEqualTo(400);

    byte[] badUtf8 = Tcrp.frame(Operation.CREATE, State.REQUEST, "ab", utf8("bob"));
    badUtf8[TcrpFrameDecoder.ROOM_NAME_OFFSET] = (byte) 0xC3;
    badUtf8[TcrpFrameDecoder.ROOM_NAME_OFFSET + 1] = (byte) 0x28;
    assertThat(Tcrp.exchange(port(), null, badUtf8).status()).isEqualTo(400);

    byte[] badPayload = Tcrp.frame(Operation.CREATE, State.REQUEST, "ab", new byte[] {(byte) 0xFF});
    assertThat(Tcrp.exchange(port(), null, badPayload).status()).isEqualTo(400);

    byte[] highBytes = Tcrp.frame(Operation.CREATE, State.REQUEST, "ab", utf8("bob"));
    highBytes[TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET] = 1;
    Tcrp.Answer a = Tcrp.exchange(port(), null, highBytes);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.frames().get(0).operation()).isEqualTo(Operation.CREATE);
  }

  @Test
  void unknownOperationCodeIsClosedWithoutAnswer() throws IOException {
    start(ServerOptions.defaults());
    byte[] frame = Tcrp.frame(Operation.LIST, State.REQUEST, "", new byte[0]);
    frame[TcrpFrameDecoder.OPERATION_OFFSET] = 99;
    assertThat(Tcrp.sendAndReadAll(port(), null, frame)).isEmpty();
    frame[TcrpFrameDecoder.OPERATION_OFFSET] = (byte) Operation.LIST.code();
    frame[TcrpFrameDecoder.STATE_OFFSET] = 7;
    assertThat(Tcrp.sendAndReadAll(port(), null, frame)).isEmpty();
  }

  @Test
  void unknownRoomGets404() throws IOException {
    start(ServerOptions.defaults());
    assertThat(request(port(), Operation.JOIN, "nowhere", "bob").status()).isEqualTo(404);
    assertThat(request(port(), Operation.LEAVE, "nowhere", "{\"token\":\"ab\"}").status())
        .isEqualTo(404);
  }

  @Test
  void existingRoomAndTakenUsernameGet409() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.create(port(), "room", "alice");
    assertThat(request(port(), Operation.CREATE, "room", "bob").status()).isEqualTo(409);
    assertThat(request(port(), Operation.JOIN, "room", "alice").status()).isEqualTo(409);
    assertThat(request(port(), Operation.JOIN, "room", "Alice").status()).isEqualTo(200);
  }

  @Test
  void leaveChecksTokenRoomAndAddress() throws IOException {
    start(ServerOptions.defaults());
    Tcrp.create(port(), "a", "host");
    String bob = Tcrp.join(port(), "a", "bob");
    String other = Tcrp.create(port(), "b", "host");
    assertThat(
            request(port(), Operation.LEAVE, "a", "{\"token\":\"" + "0".repeat(32) + "\"}")
                .status())
        .isEqualTo(403);
    assertThat(request(port(), Operation.LEAVE, "a", "{\"token\":\"" + other + "\"}").status())
        .isEqualTo(403);
    InetAddress elsewhere = InetAddress.getByName("127.0.0.2");
    assertThat(
            Tcrp.requestFrom(elsewhere, port(), Operation.LEAVE, "a", "{\"token\":\"" + bob + "\"}")
                .status())
        .isEqualTo(403);
    Tcrp.Answer left = request(port(), Operation.LEAVE, "a", "{\"token\":\"" + bob + "\"}");
    assertThat(left.status()).isEqualTo(200);
    assertThat(left.frames()).hasSize(1);
    assertThat(request(port(), Operation.LEAVE, "a", "{\"token\":\"" + bob + "\"}").status())
        .isEqualTo(403);
  }

  @Test
  void payloadOverTheLimitGets413WithoutTheBody() throws IOException {
    start(ServerOptions.defaults().withMaxPayload(100));
    byte[] frame = Tcrp.frame(Operation.CREATE, State.REQUEST, "room", utf8("x".repeat(101)));
    // Send only the header and the room name: the answer must not wait for the payload.
    int upToPayload = TcrpFrameDecoder.ROOM_NAME_OFFSET + 4;
    Tcrp.Answer a = Tcrp.exchange(port(), null, Arrays.copyOf(frame, upToPayload));
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.frames().get(0).roomName()).isEqualTo("room");
    assertThat(request(port(), Operation.CREATE, "room", "x".repeat(50)).status()).isEqualTo(200);
  }

  @Test
  void declared512MiBPayloadGets413() throws IOException {
    start(ServerOptions.defaults());
    byte[] header = Tcrp.frame(Operation.JOIN, State.REQUEST, "", new byte[0]);
    // operationPayloadSize = 2^29, written through the codec's field position
    header[
            TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET
                + TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_LENGTH
                - 4] =
        0x20;
    Tcrp.Answer a = Tcrp.exchange(port(), null, header);
    assertThat(a.status()).isEqualTo(413);
  }

  @Test
  void roomAndMemberLimitsGet429() throws IOException {
    start(ServerOptions.defaults().withMaxRooms(1).withMaxMembers(2));
    Tcrp.create(port(), "one", "a");
    assertThat(request(port(), Operation.CREATE, "two", "b").status()).isEqualTo(429);
    Tcrp.join(port(), "one", "b");
    assertThat(request(port(), Operation.JOIN, "one", "c").status()).isEqualTo(429);
  }

  @Test
  void connectionsBeyondTheLimitGet429BeforeTheyClose() throws IOException {
    start(ServerOptions.defaults().withMaxConnections(2));
    // Both send a whole header announcing a payload that never comes: not silent, not reclaimed.
    byte[] header = Arrays.copyOf(Tcrp.frame(Operation.JOIN, State.REQUEST, "", utf8("bob")), 32);
    for (int i = 0; i < 2; i++) {
      Socket s = connect();
      s.getOutputStream().write(header);
      sockets.add(s);
    }
    Await.until("2 open connections", () -> server.stats().openConnections() == 2);
    Tcrp.Answer refused = request(port(), Operation.CREATE, "r", "alice");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.frames()).hasSize(1);
    assertThat(refused.frames().get(0).operation()).isEqualTo(Operation.LIST);
    assertThat(refused.frames().get(0).roomName()).isEmpty();
    assertThat(refused.message()).contains("server full");
    assertThat(server.stats().refusedConnections()).isEqualTo(1);
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
    Await.until("connections closed", () -> server.stats().openConnections() == 0);
    assertThat(request(port(), Operation.LIST, "", "").status()).isEqualTo(200);
  }

  @Test
  void stalledRequestIsClosedAfterTheDeadline() throws IOException {
    start(ServerOptions.defaults());
    Socket stalled = connect();
    sockets.add(stalled);
    stalled.getOutputStream().write(new byte[] {3, 3});
    Await.until("connection open", () -> server.stats().openConnections() == 1);
    clock.advance(Duration.ofSeconds(11));
    assertThat(readOrReset(stalled.getInputStream())).isEqualTo(-1);
    Await.until("connection closed", () -> server.stats().openConnections() == 0);
  }

  @SuppressWarnings("unchecked") // jackson-jr maps JSON arrays to List<Object>
  private static List<Object> castList(Object value) {
    return (List<Object>) value;
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(Tcrp.TIMEOUT_MS);
    s.connect(new InetSocketAddress("127.0.0.1", port()), Tcrp.TIMEOUT_MS);
    return s;
  }

  private static int readOrReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (SocketException reset) {
      return -1;
    }
  }
}
