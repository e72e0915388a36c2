package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Operation;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The instance id in every token reply, which lets a client tell "my token is unknown here" (the
 * server restarted: its id changed) from "no server answers"; datagrams with an unknown token still
 * get no reply at all.
 */
class InstanceIdTest {
  private static final String ALICE = "{\"username\":\"alice\"}";
  private static final String BOB = "{\"username\":\"bob\"}";

  @Test
  void createAndJoinCarryTheServersInstanceId() throws IOException {
    try (ChatServer server = ChatServer.start(Tcrp.loopback())) {
      Tcrp.Answer created = Tcrp.request(server.tcpPort(), Operation.CREATE, "r", ALICE);
      Tcrp.Answer joined = Tcrp.request(server.tcpPort(), Operation.JOIN, "r", BOB);
      assertThat(server.instance()).matches("[0-9a-f]{16}");
      assertThat(created.completion()).containsEntry("instance", server.instance());
      assertThat(joined.completion()).containsEntry("instance", server.instance());
    }
  }

  @Test
  void aRestartedServerHasAnotherIdAndIgnoresTheOldTokens() throws IOException {
    String oldInstance;
    String oldToken;
    int udpPort;
    try (ChatServer before = ChatServer.start(Tcrp.loopback())) {
      Tcrp.Answer created = Tcrp.request(before.tcpPort(), Operation.CREATE, "r", ALICE);
      oldInstance = (String) created.completion().get("instance");
      oldToken = created.token();
      udpPort = before.udpPort();
    }
    try (ChatServer after = ChatServer.start(Tcrp.loopback().withUdpPort(udpPort));
        UdpMember stale = new UdpMember(after.udpPort(), "r", oldToken)) {
      Tcrp.Answer created = Tcrp.request(after.tcpPort(), Operation.CREATE, "r", ALICE);
      assertThat(created.completion().get("instance")).isNotEqualTo(oldInstance);
      UdpMember again = new UdpMember(after.udpPort(), "r", oldToken);
      try (again) {
        stale.heartbeat();
        again.say("hello?");
        Await.until("two drops", () -> after.stats().droppedBadToken() == 2);
        assertThat(stale.receive(Duration.ofMillis(300))).as("no reply").isNull();
        assertThat(again.receive(Duration.ofMillis(100))).as("no reply").isNull();
      }
    }
  }
}
