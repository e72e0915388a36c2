package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interactive mode on a JLine virtual xterm, against {@link FakeServer}. */
class InteractiveSessionTest {
  private FakeServer fake;
  private final LineFeed keys = new LineFeed();
  private final Output screen = new Output();
  private final Output err = new Output();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeServer();
  }

  @AfterEach
  void stop() throws Exception {
    keys.end();
    exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS);
    fake.close();
  }

  private Terminal virtualTerminal() throws java.io.IOException {
    // an external terminal runs JLine's own line discipline, so Ctrl+C raises INT as on a tty
    Terminal t =
        new ExternalTerminal("virtual", "xterm", keys, screen.stream(), StandardCharsets.UTF_8);
    t.setSize(new Size(100, 30));
    return t;
  }

  private void startClient() throws Exception {
    launch("--name", "alice", "--join", "lobby");
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.JOIN);
    assertThat(fake.nextDatagram().message().remaining()).isZero();
    screen.awaitContains("[lobby] alice> ");
  }

  private void launch(String... rest) {
    List<String> all = new ArrayList<>(List.of("--server", "127.0.0.1"));
    all.addAll(List.of("--tcp-port", Integer.toString(fake.tcpPort())));
    all.addAll(List.of(rest));
    String[] args = all.toArray(String[]::new);
    Io io = new Io(null, err.stream(), err.stream(), this::virtualTerminal, false);
    Thread t =
        new Thread(
            () -> {
              try {
                exit.complete(ChatClient.run(args, io));
              } catch (Throwable e) {
                exit.completeExceptionally(e);
              }
            },
            "interactive client");
    t.setDaemon(true);
    t.start();
  }

  private String plainScreen() {
    return Ansi.strip(screen.text());
  }

  @Test
  void messageArrivingWhileTypingIsPrintedAboveThePromptAndTheLineSurvives() throws Exception {
    startClient();
    keys.raw("hel");
    screen.await("the typed text", o -> plainScreen().endsWith("alice> hel"));

    fake.relay(Kind.MESSAGE, "bob", "こんにちは from bob");
    screen.await(
        "the redrawn prompt",
        o -> {
          String s = plainScreen();
          int message = s.indexOf("bob: こんにちは from bob");
          return message >= 0 && s.indexOf("[lobby] alice> hel", message) > message;
        });

    keys.raw("lo\r");
    ChatDatagram sent = nextMessage();
    assertThat(StandardCharsets.UTF_8.decode(sent.message()).toString()).isEqualTo("hello");
    screen.await("own message", o -> plainScreen().contains("alice: hello"));
    assertThat(screen.text()).as("messages are styled").contains("\u001b[");

    keys.raw("\u0004"); // Ctrl+D on an empty line leaves
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.LEAVE);
    assertThat(exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
  }

  @Test
  void ctrlCLeavesCleanly() throws Exception {
    startClient();
    keys.raw("half a thought");
    screen.await("the typed text", o -> plainScreen().endsWith("half a thought"));
    keys.raw("\u0003");
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.LEAVE);
    assertThat(exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
  }

  @Test
  void helpAndNoticesAndRoomClosing() throws Exception {
    startClient();
    keys.raw("/help\r");
    screen.await("the help", o -> plainScreen().contains("/leave   leave the room"));
    fake.relay(Kind.NOTICE, "", "bob joined");
    screen.await("the notice", o -> plainScreen().contains("* bob joined"));
    fake.relay(Kind.CLOSED, "", "room closed");
    assertThat(exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
    assertThat(plainScreen()).contains("* room closed");
  }

  @Test
  void missingValuesAreAskedForAndAWrongPasswordIsAskedAgain() throws Exception {
    fake.answer(
        r -> {
          String json = StandardCharsets.UTF_8.decode(r.operationPayload()).toString();
          if (r.operation() == Operation.LEAVE) {
            return FakeServer.status(r, 200, "left");
          }
          return json.contains("\"password\":\"right\"")
              ? fake.admitted(r, FakeServer.TOKEN)
              : FakeServer.status(r, 401, "wrong password");
        });
    launch("--join", "vault", "--password");
    screen.awaitContains("your name: ");
    keys.raw("zoe\r");
    screen.awaitContains("password: ");
    keys.raw("wrong\r");
    assertThat(fake.nextRequest().roomName()).isEqualTo("vault");
    err.awaitLine("error: 401 wrong password");
    screen.await(
        "a second password prompt", o -> Ansi.strip(o.text()).split("password: ", -1).length == 3);
    keys.raw("right\r");
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.JOIN);
    screen.awaitContains("[vault] zoe> ");
    assertThat(plainScreen()).doesNotContain("wrong").doesNotContain("right");
    keys.raw("/quit\r");
    assertThat(fake.nextRequest().operation()).isEqualTo(Operation.LEAVE);
    assertThat(exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
  }

  private ChatDatagram nextMessage() throws InterruptedException {
    while (true) {
      ChatDatagram d = fake.nextDatagram();
      if (d.message().remaining() > 0) {
        return d;
      }
    }
  }
}
