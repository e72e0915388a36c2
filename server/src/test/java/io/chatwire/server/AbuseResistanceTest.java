package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrameDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN "Abuse resistance", the control plane's side: each test is an attack from one or a few
 * loopback addresses (127.0.0.2 and up: Linux routes all of 127/8 to lo), then a legitimate client
 * from another address that must still be served. Outcomes only, never timing.
 */
class AbuseResistanceTest {
  private final ManualClock clock = new ManualClock();
  private final List<Socket> sockets = new ArrayList<>();
  private final List<UdpMember> members = new ArrayList<>();
  private ChatServer server;

  private ChatServer start(ServerOptionsBuilder options) throws IOException {
    server =
        ChatServer.start(
            options.host("127.0.0.1").tcpPort(0).udpPort(0).io(Tcrp.IO).clock(clock).build());
    return server;
  }

  private static ServerOptionsBuilder options() {
    return ServerOptions.builder();
  }

  private int port() {
    return server.tcpPort();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    members.forEach(UdpMember::close);
    if (server != null) {
      server.close();
    }
  }

  private static InetAddress loopback(int last) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  private Socket connectFrom(int last) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(loopback(last), 0));
    s.setSoTimeout(Tcrp.TIMEOUT_MS);
    s.connect(new InetSocketAddress("127.0.0.1", port()), Tcrp.TIMEOUT_MS);
    sockets.add(s);
    return s;
  }

  private Tcrp.Answer requestFrom(int last, Operation op, String room, String payload)
      throws IOException {
    return Tcrp.requestFrom(loopback(last), port(), op, room, payload);
  }

  /** Reads what the server sent on {@code s} until it closed: a refusal's frame, or nothing. */
  private static Tcrp.Answer answerOn(Socket s) throws IOException {
    byte[] all;
    try {
      all = Tcrp.readAll(s.getInputStream());
    } catch (SocketException reset) {
      throw new AssertionError("reset instead of an answer", reset);
    }
    assertThat(all).as("an answer frame").isNotEmpty();
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(all);
    int length = TcrpFrameDecoder.frameLength(in, 0, all.length);
    assertThat(length).isEqualTo(all.length);
    return new Tcrp.Answer(List.of(TcrpFrameDecoder.decode(in, 0, length)));
  }

  /** Makes sure the loop has handled what the kernel already holds for it. */
  private void settle() {
    server.stats();
    server.stats();
  }

  @Test
  void oneAddressHoldingIdleConnectionsCannotKeepOthersOut() throws IOException {
    start(options().maxConnections(20).maxConnectionsPerIp(5));
    List<Socket> attack = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      attack.add(connectFrom(2));
    }
    Await.until("5 held", () -> server.stats().openConnections() == 5);
    settle();
    int refused = 0;
    for (Socket s : attack.subList(5, 30)) {
      Tcrp.Answer a = answerOn(s);
      assertThat(a.status()).isEqualTo(429);
      assertThat(a.frames().get(0).operation()).isEqualTo(Operation.LIST);
      assertThat(a.frames().get(0).state()).isEqualTo(State.RESPONSE);
      assertThat(a.message()).contains("too many connections from 127.0.0.2");
      refused++;
    }
    assertThat(refused).isEqualTo(25);
    assertThat(requestFrom(3, Operation.CREATE, "lobby", "alice").status()).isEqualTo(200);
    assertThat(server.limited(Limit.CONNECTIONS_PER_IP)).isEqualTo(25);
    assertThat(server.answered(null, 429)).isEqualTo(25);
  }

  @Test
  void aFullServerReclaimsSilentConnectionsFirst() throws IOException {
    start(options().maxConnections(8).maxConnectionsPerIp(4));
    List<Socket> attack = new ArrayList<>();
    for (int from = 2; from <= 3; from++) {
      for (int i = 0; i < 4; i++) {
        attack.add(connectFrom(from));
      }
    }
    Await.until("server full", () -> server.stats().openConnections() == 8);
    assertThat(requestFrom(4, Operation.CREATE, "lobby", "alice").status()).isEqualTo(200);
    assertThat(requestFrom(5, Operation.JOIN, "lobby", "bob").status()).isEqualTo(200);
    // The oldest silent connection made way for the first, and was told so; the second found
    // the first's slot free again.
    Tcrp.Answer reclaimed = answerOn(attack.get(0));
    assertThat(reclaimed.status()).isEqualTo(429);
    assertThat(reclaimed.message()).contains("server full");
    assertThat(server.limited(Limit.SILENT_RECLAIMED)).isEqualTo(1);
    Await.until("7 attackers left", () -> server.stats().openConnections() == 7);
  }

  @Test
  void churningConnectionsAreThrottledPerAddress() throws IOException {
    // The clock stands still: the bucket never refills while the attack runs.
    start(options().connectRate(5).connectBurst(10));
    for (int i = 0; i < 30; i++) {
      // Connect and go at once, as fast as the loop takes them.
      connectFrom(2).close();
    }
    Await.until("20 refused", () -> server.limited(Limit.CONNECT_RATE) == 20);
    assertThat(server.limited(Limit.CONNECT_RATE)).isEqualTo(20);
    assertThat(requestFrom(3, Operation.CREATE, "lobby", "alice").status()).isEqualTo(200);
    assertThat(requestFrom(2, Operation.LIST, "", "").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(requestFrom(2, Operation.LIST, "", "").status()).isEqualTo(200);
  }

  @Test
  void silentConnectionsHaveAShorterDeadlineThanSlowOnes() throws IOException {
    start(options().firstByteTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(10)));
    Socket silent = connectFrom(2);
    Socket slow = connectFrom(3);
    slow.getOutputStream().write(new byte[] {3, 3});
    Await.until("2 open", () -> server.stats().openConnections() == 2);
    settle();
    clock.advance(Duration.ofSeconds(4));
    Await.until("the silent one closed", () -> server.stats().openConnections() == 1);
    assertThat(silent.getInputStream().read()).isEqualTo(-1);
    clock.advance(Duration.ofSeconds(7));
    Await.until("the slow one closed", () -> server.stats().openConnections() == 0);
    assertThat(server.limited(Limit.FIRST_BYTE_TIMEOUT)).isEqualTo(1);
  }

  @Test
  void oneAddressHoldsABoundedShareOfTheRooms() throws IOException {
    start(options().maxRooms(100));
    assertThat(server.options().roomsPerIp()).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(requestFrom(2, Operation.CREATE, "r" + i, "mallory").status()).isEqualTo(200);
    }
    Tcrp.Answer over = requestFrom(2, Operation.CREATE, "r10", "mallory");
    assertThat(over.status()).isEqualTo(429);
    assertThat(over.message()).contains("per address");
    assertThat(requestFrom(3, Operation.CREATE, "lobby", "alice").status()).isEqualTo(200);
    assertThat(server.limited(Limit.ROOMS_PER_IP)).isEqualTo(1);
  }

  @Test
  void roomsWhoseHostNeverSentADatagramGoWithinTenSeconds() throws IOException {
    start(options().maxRooms(100));
    for (int i = 0; i < 10; i++) {
      assertThat(requestFrom(2, Operation.CREATE, "r" + i, "mallory").status()).isEqualTo(200);
    }
    // A CREATE and then a reset: the room is made, nobody will ever hold its token.
    try (Socket s = connectFrom(4)) {
      s.getOutputStream()
          .write(Tcrp.frame(Operation.CREATE, State.REQUEST, "ghost", Tcrp.utf8("eve")));
      s.setSoLinger(true, 0);
    }
    Tcrp.Answer alice = requestFrom(3, Operation.CREATE, "lobby", "alice");
    assertThat(alice.status()).isEqualTo(200);
    UdpMember host = new UdpMember(loopback(3), server.udpPort(), "lobby", alice.token());
    members.add(host);
    host.heartbeat();
    Await.heartbeats(server, 1);
    clock.advance(Duration.ofSeconds(10));
    Await.until("only the registered room left", () -> server.stats().rooms() == 1);
    assertThat(listNames(3)).containsExactly("lobby");
    assertThat(requestFrom(2, Operation.CREATE, "again", "mallory").status()).isEqualTo(200);
    assertThat(server.limited(Limit.UNREGISTERED_ROOM)).isGreaterThanOrEqualTo(10);
  }

  @Test
  void listRepliesStayUnder64KiBAndPagesCoverEveryRoom() throws IOException {
    start(options().maxRooms(100_000).exemptIps(IpRanges.parse("127.0.0.2")));
    Set<String> created = new HashSet<>();
    String padding = "x".repeat(200);
    for (int i = 0; i < 700; i++) {
      String name = String.format("%04d-%s", i, padding);
      assertThat(requestFrom(2, Operation.CREATE, name, "h").status()).isEqualTo(200);
      created.add(name);
    }
    Set<String> listed = new HashSet<>();
    int offset = 0;
    int pages = 0;
    boolean more = true;
    while (more) {
      assertThat(pages++).as("pages").isLessThan(10);
      byte[] frame =
          Tcrp.sendAndReadAll(
              port(),
              loopback(3),
              Tcrp.frame(
                  Operation.LIST, State.REQUEST, "", Tcrp.utf8("{\"offset\":" + offset + "}")));
      assertThat(frame.length).isLessThanOrEqualTo(65_536);
      Tcrp.Answer page =
          new Tcrp.Answer(
              List.of(TcrpFrameDecoder.decode(java.nio.ByteBuffer.wrap(frame), 0, frame.length)));
      assertThat(page.status()).isEqualTo(200);
      List<String> names = names(page.body());
      assertThat(names).isNotEmpty();
      listed.addAll(names);
      offset += names.size();
      more = Boolean.TRUE.equals(page.body().get("more"));
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(listed).isEqualTo(created);
    Tcrp.Answer past = requestFrom(3, Operation.LIST, "", "{\"offset\":100000}");
    assertThat(names(past.body())).isEmpty();
    assertThat(past.body()).containsEntry("more", false);
    assertThat(requestFrom(3, Operation.LIST, "", "{\"offset\":-1}").status()).isEqualTo(400);
  }

  @Test
  void wrongPasswordsFromOneAddressAreLimited() throws IOException {
    // The host never registers over UDP here: keep its room while the clock moves.
    start(options().maxPasswordFailures(3).registerTimeout(Duration.ofMinutes(5)));
    Tcrp.Answer vault =
        requestFrom(4, Operation.CREATE, "vault", "{\"username\":\"h\",\"password\":\"right\"}");
    assertThat(vault.status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(join(2, "m" + i, "wrong").status()).isEqualTo(401);
    }
    Tcrp.Answer limited = join(2, "m", "right");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.message()).contains("wrong passwords");
    assertThat(join(3, "alice", "right").status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(30));
    assertThat(join(2, "m", "right").status()).isEqualTo(200);
  }

  @Test
  void passwordWorkIsBoundedAndSkippedForClientsThatLeft() throws Exception {
    // Real time here: PBKDF2 runs on the workers.
    server =
        ChatServer.start(
            Tcrp.loopback().toBuilder().exemptIps(IpRanges.none()).maxPasswordJobs(4).build());
    Tcrp.Answer vault =
        requestFrom(9, Operation.CREATE, "vault", "{\"username\":\"h\",\"password\":\"right\"}");
    assertThat(vault.status()).isEqualTo(200);
    byte[] wrong =
        Tcrp.frame(
            Operation.JOIN,
            State.REQUEST,
            "vault",
            Tcrp.utf8("{\"username\":\"x\",\"password\":\"wrong\"}"));
    // Hit and run: each attacker sends a wrong password and goes away at once.
    for (int i = 0; i < 40; i++) {
      try (Socket s = connectFrom(2 + i % 4)) {
        s.getOutputStream().write(wrong);
      }
    }
    Await.until(
        "password work skipped for gone clients",
        Duration.ofSeconds(10),
        () -> server.passwordJobsSkipped() > 0);
    // Attackers that stay for their answers: the queue holds 4, the rest get 429 at once.
    List<Socket> waiting = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Socket s = connectFrom(5 + i % 3);
      s.getOutputStream().write(wrong);
      waiting.add(s);
    }
    Set<Integer> statuses = new HashSet<>();
    for (Socket s : waiting) {
      statuses.add(answerOn(s).status());
    }
    assertThat(statuses).contains(429).isSubsetOf(401, 429);
    assertThat(server.limited(Limit.PASSWORD_QUEUE)).isPositive();
    // The legitimate member: a 429 says "try again shortly", and it does.
    Tcrp.Answer alice = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      alice = join(8, "alice", "right");
      if (alice.status() != 429) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(alice.status()).isEqualTo(200);
  }

  @Test
  void jsonWithTrailingBytesIs400() throws IOException {
    start(options());
    for (String bad :
        new String[] {"{\"username\":\"bob\"}xyz", "\"bob\"xyz", "{\"username\":\"bob\"}{}"}) {
      assertThat(requestFrom(2, Operation.CREATE, "r", bad).status()).as(bad).isEqualTo(400);
    }
    assertThat(requestFrom(2, Operation.CREATE, "r", "{\"username\":\"bob\"} \r\n\t").status())
        .isEqualTo(200);
    assertThat(requestFrom(2, Operation.JOIN, "r", "\"carol\"\n").status()).isEqualTo(200);
  }

  @Test
  void exemptSourcesHaveNoPerAddressLimit() throws IOException {
    start(options().maxConnectionsPerIp(2).exemptIps(IpRanges.parse("127.0.0.2/32,::1")));
    for (int i = 0; i < 5; i++) {
      connectFrom(2);
    }
    Await.until("5 open from an exempt source", () -> server.stats().openConnections() == 5);
    connectFrom(3);
    connectFrom(3);
    Socket third = connectFrom(3);
    assertThat(answerOn(third).status()).isEqualTo(429);
    assertThat(server.stats().openConnections()).isEqualTo(7);
  }

  private Tcrp.Answer join(int from, String user, String password) throws IOException {
    return requestFrom(
        from,
        Operation.JOIN,
        "vault",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  private List<String> listNames(int from) throws IOException {
    return names(requestFrom(from, Operation.LIST, "", "").body());
  }

  private static List<String> names(Map<String, Object> body) {
    List<String> names = new ArrayList<>();
    for (Object o : (List<?>) body.get("rooms")) {
      names.add((String) ((Map<?, ?>) o).get("name"));
    }
    return names;
  }
}
