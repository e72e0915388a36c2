package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** TCRP exchanges against a fake server that speaks through the generated codecs. */
class ControlChannelTest {
  private static final String TOKEN = FakeServer.TOKEN;

  private static ClientOptions options(int port, ClientOptions.Action action, String password) {
    return new ClientOptions(
        "127.0.0.1",
        port,
        9002,
        "alice",
        action,
        action == ClientOptions.Action.LIST ? "" : "lobby",
        password,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2));
  }

  private static FakeServer server(Function<TcrpFrame, byte[]> answers) throws Exception {
    return new FakeServer(answers);
  }

  @Test
  void createSendsJsonCredentialsAndReadsTheToken() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      Admission a =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.CREATE, "pw")).create();

      assertThat(a.token()).isEqualTo(TOKEN);
      assertThat(a.udpPort()).isEqualTo(fake.udpPort());
      assertThat(a.localAddress().isLoopbackAddress()).isTrue();
      TcrpFrame request = fake.nextRequest();
      assertThat(request.operation()).isEqualTo(Operation.CREATE);
      assertThat(request.state()).isEqualTo(State.REQUEST);
      assertThat(request.roomName()).isEqualTo("lobby");
      Map<String, Object> json = Payloads.object(bytes(request));
      assertThat(json).containsEntry("username", "alice").containsEntry("password", "pw");
    }
  }

  @Test
  void joinWithoutPasswordLeavesThePasswordOut() throws Exception {
    try (FakeServer fake = new FakeServer()) {
      new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null)).join();

      Map<String, Object> json = Payloads.object(bytes(fake.nextRequest()));
      assertThat(json).containsOnlyKeys("username");
    }
  }

  @Test
  void readsAnswersThatArriveOneByteAtATime() throws Exception {
    try (SlowServer slow =
        new SlowServer(
            FakeServer.concat(
                FakeServer.frame(Operation.JOIN, State.RESPONSE, "lobby", "{\"status\":200}"),
                FakeServer.frame(
                    Operation.JOIN,
                    State.COMPLETE,
                    "lobby",
                    "{\"token\":\"" + TOKEN + "\",\"udpPort\":4242}")))) {
      Admission a =
          new ControlChannel(options(slow.port(), ClientOptions.Action.JOIN, null)).join();
      assertThat(a.token()).isEqualTo(TOKEN);
      assertThat(a.udpPort()).isEqualTo(4242);
    }
  }

  @Test
  void refusalCarriesTheServersStatusAndMessage() throws Exception {
    try (FakeServer fake = server(r -> FakeServer.status(r, 401, "wrong password"))) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, "x"));
      assertThatThrownBy(control::join)
          .isInstanceOf(ControlException.class)
          .hasMessage("401 wrong password")
          .extracting(e -> ((ControlException) e).status())
          .isEqualTo(401);
    }
  }

  @Test
  void missingUdpPortFallsBackToTheFlag() throws Exception {
    try (FakeServer fake =
        server(
            r ->
                FakeServer.concat(
                    FakeServer.status(r, 200, "ok"),
                    FakeServer.frame(
                        r.operation(),
                        State.COMPLETE,
                        r.roomName(),
                        "{\"token\":\"" + TOKEN + "\"}")))) {
      Admission a =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null)).join();
      assertThat(a.udpPort()).isEqualTo(9002);
    }
  }

  @Test
  void garbageAnswerIsAMalformedReply() throws Exception {
    byte[] garbage = new byte[40];
    Arrays.fill(garbage, (byte) 0x7F);
    try (FakeServer fake = server(r -> garbage)) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null));
      assertThatThrownBy(control::join).hasMessageStartingWith("malformed reply from 127.0.0.1:");
    }
  }

  @Test
  void wrongOperationInTheAnswerIsAMalformedReply() throws Exception {
    try (FakeServer fake =
        server(r -> FakeServer.frame(Operation.LIST, State.RESPONSE, "", "{\"status\":200}"))) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null));
      assertThatThrownBy(control::join)
          .hasMessageContaining("expected JOIN/RESPONSE, got LIST/RESPONSE");
    }
  }

  @Test
  void nonJsonStatusIsAMalformedReply() throws Exception {
    try (FakeServer fake =
        server(r -> FakeServer.frame(r.operation(), State.RESPONSE, r.roomName(), "hello"))) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null));
      assertThatThrownBy(control::join).hasMessageStartingWith("malformed reply");
    }
  }

  @Test
  void hugeDeclaredFrameIsRejectedWithoutReadingIt() throws Exception {
    byte[] header = FakeServer.frame(Operation.JOIN, State.RESPONSE, "", "");
    header[31] = 0;
    header[28] = 0x10; // operationPayloadSize = 2^28 bytes, never sent
    try (FakeServer fake = server(r -> header)) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null));
      assertThatThrownBy(control::join)
          .hasMessageContaining("is over " + TcrpConnection.MAX_ANSWER_BYTES);
    }
  }

  @Test
  void closingBeforeTheTokenIsAClearError() throws Exception {
    try (FakeServer fake = server(r -> FakeServer.status(r, 200, "ok"))) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.CREATE, null));
      assertThatThrownBy(control::create)
          .hasMessageEndingWith("closed the connection without a complete answer");
    }
  }

  @Test
  void silentServerTimesOut() throws Exception {
    try (FakeServer fake = server(r -> new byte[0])) {
      ClientOptions o = options(fake.tcpPort(), ClientOptions.Action.JOIN, null);
      o =
          new ClientOptions(
              o.server(),
              o.tcpPort(),
              o.udpPort(),
              o.name(),
              o.action(),
              o.room(),
              null,
              o.heartbeat(),
              Duration.ofMillis(300));
      ControlChannel control = new ControlChannel(o);
      assertThatThrownBy(control::join).hasMessageEndingWith("did not answer within 0.3s");
    }
  }

  @Test
  void refusedConnectionIsAClearError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ControlChannel control = new ControlChannel(options(port, ClientOptions.Action.LIST, null));
    assertThatThrownBy(control::list)
        .hasMessage("cannot connect to 127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void listParsesRooms() throws Exception {
    String json =
        "{\"status\":200,\"rooms\":[{\"name\":\"lobby\",\"members\":3,\"locked\":true},"
            + "{\"name\":\"x\",\"members\":1,\"locked\":false}]}";
    try (FakeServer fake =
        server(r -> FakeServer.frame(Operation.LIST, State.RESPONSE, "", json))) {
      var rooms =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.LIST, null)).list();
      assertThat(rooms)
          .extracting(RoomInfo::line)
          .containsExactly("lobby  3 members  locked", "x  1 member  open");
      TcrpFrame request = fake.nextRequest();
      assertThat(request.operation()).isEqualTo(Operation.LIST);
      assertThat(request.roomName()).isEmpty();
    }
  }

  @Test
  void listReadsEveryPage() throws Exception {
    try (FakeServer fake =
        server(
            r -> {
              String payload = new String(bytes(r), StandardCharsets.UTF_8);
              int offset =
                  payload.contains("offset") ? Integer.parseInt(payload.replaceAll("\\D", "")) : 0;
              // Three rooms, two a page; "b" is listed twice, as when a room opens between pages.
              String json =
                  switch (offset) {
                    case 0 ->
                        "{\"status\":200,\"rooms\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"more\":true}";
                    case 2 ->
                        "{\"status\":200,\"rooms\":[{\"name\":\"b\"},{\"name\":\"c\"}],\"more\":true}";
                    default -> "{\"status\":200,\"rooms\":[],\"more\":false}";
                  };
              return FakeServer.frame(Operation.LIST, State.RESPONSE, "", json);
            })) {
      var rooms =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.LIST, null)).list();
      assertThat(rooms).extracting(RoomInfo::name).containsExactly("a", "b", "c");
      assertThat(Payloads.object(bytes(fake.nextRequest()))).isEmpty();
      assertThat(Payloads.object(bytes(fake.nextRequest()))).containsEntry("offset", 2);
      assertThat(Payloads.object(bytes(fake.nextRequest()))).containsEntry("offset", 4);
    }
  }

  @Test
  void aRefusalBeforeTheRequestWasReadIsItsStatus() throws Exception {
    String refusal = "{\"status\":429,\"message\":\"too many connections from 127.0.0.1\"}";
    try (FakeServer fake =
        server(r -> FakeServer.frame(Operation.LIST, State.RESPONSE, "", refusal))) {
      ControlChannel control =
          new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null));
      assertThatThrownBy(control::join).hasMessage("429 too many connections from 127.0.0.1");
    }
  }

  @Test
  void leaveSendsTheToken() throws Exception {
    try (FakeServer fake = server(r -> FakeServer.status(r, 200, "bye"))) {
      new ControlChannel(options(fake.tcpPort(), ClientOptions.Action.JOIN, null)).leave(TOKEN);
      TcrpFrame request = fake.nextRequest();
      assertThat(request.operation()).isEqualTo(Operation.LEAVE);
      assertThat(request.roomName()).isEqualTo("lobby");
      assertThat(Payloads.object(bytes(request))).containsOnly(Map.entry("token", TOKEN));
    }
  }

  private static byte[] bytes(TcrpFrame frame) {
    var b = frame.operationPayload().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("{");
    return out;
  }
}
