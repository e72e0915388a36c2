package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.TcrpFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scripted client against {@link FakeServer}: the wire it produces and the lines it prints. */
class ScriptedSessionTest {
  private FakeServer fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeServer();
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  private ClientRun join(String... extra) throws Exception {
    String[] base = {
      "--server",
      "127.0.0.1",
      "--tcp-port",
      Integer.toString(fake.tcpPort()),
      "--name",
      "alice",
      "--join",
      "lobby"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    ClientRun c = ClientRun.start(args);
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.JOIN);
    ChatDatagram hello = fake.nextDatagram();
    assertThat(hello.roomName()).isEqualTo("lobby");
    assertThat(hello.token()).isEqualTo(FakeServer.TOKEN);
    assertThat(hello.message().remaining()).as("first datagram is a heartbeat").isZero();
    return c;
  }

  @Test
  void sendsEachLineAsUtf8AndLeavesAtEndOfInput() throws Exception {
    try (ClientRun c = join()) {
      c.in.send("こんにちは 🎉");
      c.in.send("");
      c.in.send("//not a command");
      c.in.end();

      assertThat(text(nextMessage())).isEqualTo("こんにちは 🎉");
      assertThat(text(nextMessage())).isEqualTo("/not a command");
      TcrpFrame leave = fake.nextRequest();
      assertThat(leave.operation()).isEqualTo(Operation.LEAVE);
      assertThat(leave.roomName()).isEqualTo("lobby");
      assertThat(StandardCharsets.UTF_8.decode(leave.operationPayload()).toString())
          .contains(FakeServer.TOKEN);
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.text()).isEmpty();
      assertThat(c.err.text()).isEmpty();
    }
  }

  @Test
  void printsMessagesAndNoticesInThePinnedFormat() throws Exception {
    try (ClientRun c = join()) {
      fake.relay(Kind.NOTICE, "", "bob joined");
      fake.relay(Kind.MESSAGE, "bob", "日本語 😀");
      fake.relay(Kind.MESSAGE, "bob", new byte[] {'h', 'i', (byte) 0xC3, '!'});
      fake.relay(Kind.MESSAGE, "bob", "\u001b[2Jescape\nnewline");
      c.out.awaitLine(
          "bob: \u001b[2Jescape\nnewline".replace('\u001b', '\uFFFD').replace('\n', '\uFFFD'));

      assertThat(c.out.lines())
          .containsExactly(
              "* bob joined", "bob: 日本語 😀", "bob: hi\uFFFD!", "bob: \uFFFD[2Jescape\uFFFDnewline");
    }
  }

  @Test
  void slashLeaveLeavesAndExitsZero() throws Exception {
    try (ClientRun c = join()) {
      c.in.send("/leave");
      assertThat(fake.nextRequest().operation()).isEqualTo(Operation.LEAVE);
      assertThat(c.awaitExit()).isZero();
    }
  }

  @Test
  void roomClosingEndsTheSessionWithExitZero() throws Exception {
    try (ClientRun c = join()) {
      fake.relay(Kind.CLOSED, "", "room lobby closed: host left");
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.lines()).containsExactly("* room lobby closed: host left");
    }
  }

  @Test
  void expiryEndsTheSessionAfterPrintingIt() throws Exception {
    try (ClientRun c = join()) {
      fake.relay(Kind.EXPIRED, "", "");
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.lines()).containsExactly("* removed for inactivity");
    }
  }

  @Test
  void tooLongMessageIsRejectedAndTheSessionGoesOn() throws Exception {
    try (ClientRun c = join()) {
      c.in.send("x".repeat(5000));
      c.in.send("/nick bob");
      c.in.send("still here");
      assertThat(text(nextMessage())).isEqualTo("still here");
      // 4096 - 2 - "lobby" - the 32-byte token; the relay side (4096 - 2 - "alice") allows more
      assertThat(c.err.lines())
          .containsExactly(
              "error: message not sent: it is 5000 bytes and at most 4057 fit in one datagram",
              "error: unknown command /nick (/help lists the commands)");
    }
  }

  @Test
  void heartbeatsKeepComing() throws Exception {
    try (ClientRun c = join("--heartbeat", "50ms")) {
      for (int i = 0; i < 3; i++) {
        assertThat(fake.nextDatagram().message().remaining()).isZero();
      }
      assertThat(c.exited()).isFalse();
    }
  }

  private ChatDatagram nextMessage() throws InterruptedException {
    while (true) {
      ChatDatagram d = fake.nextDatagram();
      if (d.message().remaining() > 0) {
        return d;
      }
    }
  }

  private static String text(ChatDatagram d) {
    ByteBuffer m = d.message().duplicate();
    return StandardCharsets.UTF_8.decode(m).toString();
  }
}
