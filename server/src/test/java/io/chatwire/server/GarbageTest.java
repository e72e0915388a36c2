package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrameDecoder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken input on both planes while a well-behaved room keeps working. */
class GarbageTest {
  private static final Duration WAIT = Duration.ofSeconds(3);

  private final ManualClock clock = new ManualClock();
  private final Random random = new Random(20261201);
  private ChatServer server;
  private UdpMember alice;
  private UdpMember bob;
  private final List<Socket> sockets = new ArrayList<>();

  /** The relay threads the server runs with; a subclass runs every test with more. */
  int relayThreads() {
    return 1;
  }

  @BeforeEach
  void start() throws IOException {
    server = ChatServer.start(Tcrp.loopback().withRelayThreads(relayThreads()).withClock(clock));
    alice = new UdpMember(server.udpPort(), "room", Tcrp.create(server.tcpPort(), "room", "alice"));
    bob = new UdpMember(server.udpPort(), "room", Tcrp.join(server.tcpPort(), "room", "bob"));
    alice.heartbeat();
    bob.heartbeat();
    Await.heartbeats(server, 2);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    alice.close();
    bob.close();
    server.close();
  }

  @Test
  void randomTcpBytesNeverStopTheServer() throws IOException {
    for (int i = 0; i < 150; i++) {
      byte[] junk = new byte[random.nextInt(200)];
      random.nextBytes(junk);
      if (i % 3 == 0 && junk.length >= TcrpFrameDecoder.FIXED_LENGTH) {
        // a plausible header with random sizes, so that decoding gets past the fixed part
        byte[] header = Tcrp.frame(Operation.JOIN, State.REQUEST, "", new byte[0]);
        System.arraycopy(header, 0, junk, 0, TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET);
        junk[TcrpFrameDecoder.ROOM_NAME_SIZE_OFFSET] = (byte) random.nextInt(256);
      }
      sendAndClose(junk);
    }
    assertWellBehavedClientStillServed();
  }

  @Test
  void truncatedAndStalledConnectionsAreClosed() throws IOException {
    byte[] frame = Tcrp.frame(Operation.CREATE, State.REQUEST, "stall", Tcrp.utf8("dave"));
    for (int cut : new int[] {1, 16, 31, 32, 33, frame.length - 1}) {
      sendAndClose(Arrays.copyOf(frame, cut));
      Socket stalled = connect();
      stalled.getOutputStream().write(frame, 0, cut);
      sockets.add(stalled);
    }
    Await.until("6 stalled connections", () -> server.stats().openConnections() == 6);
    assertWellBehavedClientStillServed();
    clock.advance(Duration.ofSeconds(11));
    Await.until("stalled connections closed", () -> server.stats().openConnections() == 0);
    assertThat(Tcrp.request(server.tcpPort(), Operation.JOIN, "stall", "eve").status())
        .as("no truncated CREATE took effect")
        .isEqualTo(404);
  }

  @Test
  void hugeDeclaredPayloadsAreRefusedWithoutReadingThem() throws IOException {
    byte[] header = Tcrp.frame(Operation.CREATE, State.REQUEST, "big", new byte[0]);
    int lowest =
        TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET
            + TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_LENGTH
            - 1;
    header[lowest - 3] = 0x20; // 2^29
    for (int i = 0; i < 20; i++) {
      Socket s = connect();
      sockets.add(s);
      OutputStream out = s.getOutputStream();
      out.write(header);
      out.write(new byte[4096]); // the start of a body that never ends
      out.flush();
    }
    Tcrp.Answer a = Tcrp.exchange(server.tcpPort(), null, header);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.frames().get(0).roomName()).isEqualTo("big");
    assertWellBehavedClientStillServed();
    // Answered and half-closed; the server lets go of them after the linger deadline even
    // though the clients never close.
    clock.advance(Duration.ofSeconds(3));
    Await.until("huge requests let go", () -> server.stats().openConnections() == 0);
    Runtime rt = Runtime.getRuntime();
    assertThat(rt.totalMemory()).as("no 512 MiB buffers").isLessThan(1L << 30);
  }

  @Test
  void randomDatagramsAreDroppedWithoutReply() throws IOException {
    try (DatagramSocket junk = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      junk.setSoTimeout(200);
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.udpPort());
      for (int i = 0; i < 2000; i++) {
        byte[] bytes = new byte[random.nextInt(i % 100 == 0 ? 9000 : 80)];
        random.nextBytes(bytes);
        junk.send(new DatagramPacket(bytes, bytes.length, target));
      }
      Await.until("all junk counted", () -> server.stats().dropped() >= 1900);
      byte[] buf = new byte[100];
      try {
        junk.receive(new DatagramPacket(buf, buf.length));
        throw new AssertionError("the server answered junk");
      } catch (SocketTimeoutException expected) {
        // no reply: no amplification
      }
    }
    assertWellBehavedClientStillServed();
  }

  @Test
  void stateAndHeapDoNotGrowUnderRepeatedGarbage() throws IOException {
    garbageRound();
    long heapBefore = usedHeapAfterGc();
    for (int round = 0; round < 3; round++) {
      garbageRound();
    }
    Await.until("connections released", () -> server.stats().openConnections() == 0);
    long grown = usedHeapAfterGc() - heapBefore;
    ServerStats stats = server.stats();
    assertThat(stats.rooms()).isEqualTo(1);
    assertThat(stats.members()).isEqualTo(2);
    assertThat(grown).as("heap growth in bytes").isLessThan(16L << 20);
    assertWellBehavedClientStillServed();
  }

  private void garbageRound() throws IOException {
    byte[] header = Tcrp.frame(Operation.JOIN, State.REQUEST, "room", new byte[0]);
    for (int i = 0; i < 40; i++) {
      byte[] junk = new byte[random.nextInt(100)];
      random.nextBytes(junk);
      sendAndClose(i % 2 == 0 ? junk : header);
    }
    try (DatagramSocket junk = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.udpPort());
      for (int i = 0; i < 500; i++) {
        byte[] bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        junk.send(new DatagramPacket(bytes, bytes.length, target));
      }
    }
    clock.advance(Duration.ofSeconds(3));
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private void assertWellBehavedClientStillServed() throws IOException {
    String text = "still working " + random.nextInt();
    alice.say(text);
    UdpMember.Received r;
    do {
      r = bob.receive(WAIT);
      assertThat(r).as("message relayed").isNotNull();
    } while (r.kind() != Kind.MESSAGE);
    assertThat(r.text()).isEqualTo(text);
    assertThat(Tcrp.request(server.tcpPort(), Operation.LIST, "", "").status()).isEqualTo(200);
  }

  private void sendAndClose(byte[] bytes) throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write(bytes);
      s.shutdownOutput();
      try {
        Tcrp.readAll(s.getInputStream());
      } catch (SocketException reset) {
        // the server may reset a connection whose input it did not read
      }
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(Tcrp.TIMEOUT_MS);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.tcpPort()), 5000);
    return s;
  }
}
