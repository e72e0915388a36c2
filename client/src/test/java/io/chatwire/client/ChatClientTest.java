package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The command line: flags, usage errors and failures as one line with the right exit code. */
class ChatClientTest {

  private static ClientRun run(String... args) {
    return ClientRun.start(args);
  }

  /** Runs the client, expects the usage exit code and returns its one line on standard error. */
  private static String usageErrorLine(String... args) throws Exception {
    try (ClientRun c = run(args)) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.USAGE);
      return assertThat(c.err.lines()).singleElement().actual();
    }
  }

  @Test
  void helpListsThePinnedFlagsAndExitsZero() throws Exception {
    try (ClientRun c = run("--help")) {
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.text())
          .contains("--server", "--tcp-port", "--udp-port", "--name", "--create", "--join")
          .contains("--list", "--password", "--heartbeat", "--version");
    }
  }

  @Test
  void versionPrintsTheProjectVersion() throws Exception {
    try (ClientRun c = run("--version")) {
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.text()).startsWith("chatwire-client 0.1.0");
    }
  }

  @Test
  void missingServerInScriptedModeIsOneLineAndExitTwo() throws Exception {
    assertThat(usageErrorLine("--name", "a", "--join", "r"))
        .startsWith("error: missing --server HOST");
  }

  @Test
  void missingNameInScriptedModeIsAnError() throws Exception {
    assertThat(usageErrorLine("--server", "127.0.0.1", "--join", "r"))
        .startsWith("error: missing --name NAME");
  }

  @Test
  void missingActionInScriptedModeIsAnError() throws Exception {
    assertThat(usageErrorLine("--server", "127.0.0.1", "--name", "a"))
        .contains("--create ROOM, --join ROOM or --list");
  }

  @Test
  void passwordToBeAskedForInScriptedModeIsAnError() throws Exception {
    assertThat(usageErrorLine("--server", "127.0.0.1", "--name", "a", "--join", "r", "--password"))
        .startsWith("error: missing --password PW");
  }

  @Test
  void createAndJoinTogetherAreRejected() throws Exception {
    assertThat(usageErrorLine("--server", "h", "--name", "a", "--create", "r", "--join", "s"))
        .startsWith("error: ")
        .endsWith("(see --help)");
  }

  @Test
  void badDurationIsAUsageError() throws Exception {
    try (ClientRun c = run("--server", "h", "--name", "a", "--join", "r", "--heartbeat", "soon")) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.USAGE);
      assertThat(c.err.text()).contains("'soon' is not a duration");
    }
  }

  @Test
  void overlongRoomNameIsAUsageError() throws Exception {
    try (ClientRun c = run("--server", "h", "--name", "a", "--join", "r".repeat(256))) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.USAGE);
      assertThat(c.err.lines()).containsExactly("error: the room name is over 255 bytes");
    }
  }

  @Test
  void refusedConnectionIsOneClearLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String p = Integer.toString(port);
    try (ClientRun c =
        run("--server", "127.0.0.1", "--tcp-port", p, "--name", "a", "--join", "r")) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.FAILURE);
      assertThat(c.err.lines())
          .containsExactly("error: cannot connect to 127.0.0.1:" + port + ": connection refused");
      assertThat(c.out.text()).isEmpty();
    }
  }

  @Test
  void silentServerIsOneLineAfterTheTimeout() throws Exception {
    try (FakeServer fake = new FakeServer(r -> new byte[0]);
        ClientRun c =
            run(
                "--server",
                "127.0.0.1",
                "--tcp-port",
                Integer.toString(fake.tcpPort()),
                "--name",
                "a",
                "--join",
                "r",
                "--timeout",
                "500ms")) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.FAILURE);
      assertThat(c.err.lines())
          .containsExactly("error: 127.0.0.1:" + fake.tcpPort() + " did not answer within 0.5s");
    }
  }

  @Test
  void refusalPrintsTheServersMessage() throws Exception {
    try (FakeServer fake = new FakeServer(r -> FakeServer.status(r, 401, "wrong password"));
        ClientRun c =
            run(
                "--server",
                "127.0.0.1",
                "--tcp-port",
                Integer.toString(fake.tcpPort()),
                "--name",
                "a",
                "--join",
                "r",
                "--password",
                "nope")) {
      assertThat(c.awaitExit()).isEqualTo(ExitCodes.FAILURE);
      assertThat(c.err.lines()).containsExactly("error: 401 wrong password");
    }
  }

  @Test
  void listPrintsOneRoomPerLine() throws Exception {
    String json =
        "{\"status\":200,\"rooms\":[{\"name\":\"lobby\",\"members\":3,\"locked\":true},"
            + "{\"name\":\"café\",\"members\":1,\"locked\":false}]}";
    try (FakeServer fake =
            new FakeServer(
                r ->
                    FakeServer.frame(
                        r.operation(), io.chatwire.protocol.State.RESPONSE, "", json));
        ClientRun c =
            run(
                "--server",
                "127.0.0.1",
                "--tcp-port",
                Integer.toString(fake.tcpPort()),
                "--list")) {
      assertThat(c.awaitExit()).isZero();
      assertThat(c.out.lines()).containsExactly("lobby  3 members  locked", "café  1 member  open");
      assertThat(c.err.text()).isEmpty();
    }
  }
}
