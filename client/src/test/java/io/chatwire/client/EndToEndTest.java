package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.server.ChatServer;
import io.chatwire.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted clients against the real {@link ChatServer}, all in this JVM on 127.0.0.1. */
class EndToEndTest {
  private static final String JAPANESE = "こんにちは、世界。日本語のメッセージです";
  private static final String EMOJI = "emoji 👍🏽🎉 and a flag 🇯🇵";

  private ChatServer server;
  private final List<ClientRun> clients = new ArrayList<>();

  private void startServer(ServerOptions options) throws Exception {
    server = ChatServer.start(options.withHost("127.0.0.1").withTcpPort(0).withUdpPort(0));
  }

  private void startServer() throws Exception {
    startServer(ServerOptions.defaults());
  }

  @AfterEach
  void stop() {
    clients.forEach(ClientRun::close);
    if (server != null) {
      server.close();
    }
  }

  /** Starts a client with --server/--tcp-port of the test server (the UDP port comes from it). */
  private ClientRun client(String... args) {
    List<String> all = new ArrayList<>(List.of("--server", "127.0.0.1"));
    all.addAll(List.of("--tcp-port", Integer.toString(server.tcpPort())));
    all.addAll(List.of(args));
    ClientRun run = ClientRun.start(all.toArray(String[]::new));
    clients.add(run);
    return run;
  }

  /** Starts a member and waits until the server took its first heartbeat. */
  private ClientRun member(String... args) {
    long before = server.stats().heartbeats();
    ClientRun run = client(args);
    awaitAtLeast(
        "heartbeat of " + String.join(" ", args),
        () -> server.stats().heartbeats(),
        before + 1,
        run);
    return run;
  }

  private static void awaitAtLeast(String what, LongSupplier value, long target, ClientRun run) {
    run.err.await(what, o -> value.getAsLong() >= target || run.exited());
    assertThat(run.exited()).as(what + "; stderr: " + run.err.text()).isFalse();
  }

  @Test
  void threeMembersChatLeaveAndTheHostClosesTheRoom() throws Exception {
    startServer();
    ClientRun alice = member("--name", "alice", "--create", "lobby");
    ClientRun bob = member("--name", "bob", "--join", "lobby");
    alice.out.awaitLine("* bob joined");
    ClientRun carol = member("--name", "carol", "--join", "lobby");
    alice.out.awaitLine("* carol joined");
    bob.out.awaitLine("* carol joined");

    bob.in.send(JAPANESE);
    alice.out.awaitLine("bob: " + JAPANESE);
    carol.out.awaitLine("bob: " + JAPANESE);
    alice.in.send(EMOJI);
    bob.out.awaitLine("alice: " + EMOJI);
    carol.out.awaitLine("alice: " + EMOJI);

    carol.in.send("/leave");
    assertThat(carol.awaitExit()).isZero();
    alice.out.awaitLine("* carol left");
    bob.out.awaitLine("* carol left");

    alice.in.end(); // the host leaving closes the room
    assertThat(alice.awaitExit()).isZero();
    assertThat(bob.awaitExit()).isZero();

    assertThat(alice.out.lines())
        .containsExactly("* bob joined", "* carol joined", "bob: " + JAPANESE, "* carol left");
    assertThat(bob.out.lines()).hasSize(4);
    assertThat(bob.out.lines().subList(0, 3))
        .containsExactly("* carol joined", "alice: " + EMOJI, "* carol left");
    assertThat(bob.out.lines().get(3)).startsWith("* ").contains("closed");
    assertThat(carol.out.lines()).containsExactly("bob: " + JAPANESE, "alice: " + EMOJI);
    for (ClientRun c : List.of(alice, bob, carol)) {
      assertThat(c.err.text()).isEmpty();
    }
  }

  @Test
  void longestMessageFromTheLongestNameIsRelayed() throws Exception {
    startServer();
    String name = "n".repeat(64);
    ClientRun host = member("--name", "alice", "--create", "r");
    ClientRun talker = member("--name", name, "--join", "r");
    host.out.awaitLine("* " + name + " joined");
    String longest = "x".repeat(Session.maxMessageBytes("r", name, "t".repeat(32)));
    talker.in.send(longest);
    host.out.awaitLine(name + ": " + longest);
    assertThat(talker.err.text()).isEmpty();
    assertThat(server.stats().droppedOversize()).isZero();
  }

  @Test
  void lastLineBeforeEndOfInputIsDeliveredBeforeTheLeave() throws Exception {
    startServer();
    ClientRun alice = member("--name", "alice", "--create", "lobby");
    ClientRun bob = member("--name", "bob", "--join", "lobby");
    bob.in.send("one last thing");
    bob.in.end();
    assertThat(bob.awaitExit()).isZero();
    alice.out.awaitLine("* bob left");
    assertThat(alice.out.lines())
        .containsExactly("* bob joined", "bob: one last thing", "* bob left");
  }

  @Test
  void interactiveMemberSeesMessagesAboveThePromptWhileTyping() throws Exception {
    startServer();
    ClientRun alice = member("--name", "alice", "--create", "lobby");
    LineFeed keys = new LineFeed();
    Output screen = new Output();
    Output err = new Output();
    Io io =
        new Io(
            null,
            err.stream(),
            err.stream(),
            () ->
                new ExternalTerminal("e2e", "xterm", keys, screen.stream(), StandardCharsets.UTF_8),
            false);
    String[] args = {
      "--server",
      "127.0.0.1",
      "--tcp-port",
      Integer.toString(server.tcpPort()),
      "--name",
      "ken",
      "--join",
      "lobby"
    };
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> ChatClient.run(args, io));
    try {
      alice.out.awaitLine("* ken joined");
      screen.await("the prompt", o -> Ansi.strip(o.text()).endsWith("[lobby] ken> "));
      keys.raw("お茶");
      screen.await("typed text", o -> Ansi.strip(o.text()).endsWith("ken> お茶"));
      alice.in.send("いらっしゃい 🍵");
      screen.await(
          "message above a redrawn prompt",
          o -> {
            String s = Ansi.strip(o.text());
            int at = s.indexOf("alice: いらっしゃい 🍵");
            return at >= 0 && s.indexOf("[lobby] ken> お茶", at) > at;
          });
      keys.raw("を一杯\r");
      alice.out.awaitLine("ken: お茶を一杯");
      keys.raw("/leave\r");
      assertThat(exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
      alice.out.awaitLine("* ken left");
      assertThat(err.text()).isEmpty();
    } finally {
      keys.end();
    }
  }

  @Test
  void wrongPasswordExitsNonZeroWithTheServersMessage() throws Exception {
    startServer();
    ClientRun host = member("--name", "alice", "--create", "vault", "--password", "s3cret");

    ClientRun intruder = client("--name", "mallory", "--join", "vault", "--password", "guess");
    assertThat(intruder.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(intruder.err.lines()).singleElement().asString().startsWith("error: 401");

    ClientRun noPassword = client("--name", "eve", "--join", "vault");
    assertThat(noPassword.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(noPassword.err.lines()).singleElement().asString().startsWith("error: 401");

    member("--name", "bob", "--join", "vault", "--password", "s3cret");
    host.out.awaitLine("* bob joined");
  }

  @Test
  void joinErrorsShowTheServersStatus() throws Exception {
    startServer();
    member("--name", "alice", "--create", "lobby");

    ClientRun missing = client("--name", "bob", "--join", "nowhere");
    assertThat(missing.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err.lines()).singleElement().asString().startsWith("error: 404");

    ClientRun twin = client("--name", "alice", "--join", "lobby");
    assertThat(twin.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(twin.err.lines()).singleElement().asString().startsWith("error: 409");

    ClientRun again = client("--name", "zed", "--create", "lobby");
    assertThat(again.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(again.err.lines()).singleElement().asString().startsWith("error: 409");
  }

  @Test
  void listShowsEveryRoomWithMembersAndLock() throws Exception {
    startServer();
    ClientRun empty = client("--list");
    assertThat(empty.awaitExit()).isZero();
    assertThat(empty.out.text()).isEmpty();

    member("--name", "alice", "--create", "open-room");
    member("--name", "bob", "--join", "open-room");
    member("--name", "carol", "--create", "locked-room", "--password", "pw");

    ClientRun list = client("--list");
    assertThat(list.awaitExit()).isZero();
    assertThat(list.out.lines())
        .containsExactlyInAnyOrder("open-room  2 members  open", "locked-room  1 member  locked");
    assertThat(list.err.text()).isEmpty();
  }

  @Test
  void serverStoppingEndsSessionsWithExitZero() throws Exception {
    startServer();
    ClientRun alice = member("--name", "alice", "--create", "lobby");
    ClientRun bob = member("--name", "bob", "--join", "lobby");
    server.close();
    assertThat(alice.awaitExit()).isZero();
    assertThat(bob.awaitExit()).isZero();
    assertThat(bob.out.lines()).last().asString().startsWith("* ");
  }

  @Test
  void silentMemberIsExpiredAndExitsAfterSayingSo() throws Exception {
    startServer(ServerOptions.defaults().withIdleTimeout(Duration.ofMillis(500)));
    ClientRun host = member("--name", "alice", "--create", "lobby", "--heartbeat", "100ms");
    ClientRun sleepy = member("--name", "bob", "--join", "lobby", "--heartbeat", "1h");
    assertThat(sleepy.awaitExit()).isZero();
    assertThat(sleepy.out.lines()).singleElement().asString().startsWith("* ");
    host.out.awaitLine("* bob timed out");
    assertThat(host.exited()).isFalse();
  }

  @Test
  void stoppedServerIsAClearErrorQuickly() throws Exception {
    startServer();
    int port = server.tcpPort();
    server.close();
    server = null;
    ClientRun c =
        ClientRun.start(
            "--server",
            "127.0.0.1",
            "--tcp-port",
            Integer.toString(port),
            "--name",
            "a",
            "--join",
            "r");
    clients.add(c);
    assertThat(c.awaitExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(c.err.lines())
        .containsExactly("error: cannot connect to 127.0.0.1:" + port + ": connection refused");
  }
}
