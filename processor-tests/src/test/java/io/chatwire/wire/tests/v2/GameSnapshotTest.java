package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.tests.v2.GameSnapshot.Player;
import io.chatwire.wire.tests.v2.GameSnapshot.Position;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Little-endian snapshots: nested lists, varint ids, floats, signed bit fields. */
class GameSnapshotTest {
  private static GameSnapshot snapshot(List<Player> players) {
    int length = 0;
    for (Player p : players) {
      length += PlayerEncoder.encodedLength(p);
    }
    return new GameSnapshot(-5L, length, players);
  }

  private static Player player(long id, String name, List<Position> trail) {
    return new Player(
        id, true, 5, 0, name.getBytes(StandardCharsets.UTF_8).length, name, trail.size(), trail);
  }

  @Test
  void nanBitPatternsSurviveExactly() {
    float quiet = Float.intBitsToFloat(0x7fc00001);
    float signalling = Float.intBitsToFloat(0xff800123);
    double payload = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);
    Player p = player(300, "bob", List.of(new Position(quiet, signalling, payload, -7)));
    ByteBuffer dst = ByteBuffer.allocate(128);

    int n = GameSnapshotEncoder.encode(snapshot(List.of(p)), dst, 4);

    GameSnapshotDecoder d = new GameSnapshotDecoder().wrap(dst, 4, n);
    PositionDecoder at = d.players().next().trail(0);
    assertThat(Float.floatToRawIntBits(at.x())).isEqualTo(0x7fc00001);
    assertThat(Float.floatToRawIntBits(at.y())).isEqualTo(0xff800123);
    assertThat(Double.doubleToRawLongBits(at.z())).isEqualTo(0x7ff8_dead_beef_0001L);
    assertThat(at.heading()).isEqualTo(-7);
    ByteBuffer fly = ByteBuffer.allocate(32);
    new PositionEncoder().wrap(fly, 0).x(quiet).y(signalling).z(payload).heading(-7);
    assertThat(Frames.hex(fly, 0, 18)).isEqualTo(Frames.hex(dst, at.wrappedOffset(), 18));
    // little-endian: x's low byte first
    assertThat(Frames.hex(fly, 0, 4)).isEqualTo("0100c07f");
  }

  @Test
  void aMalformedNameDeepInTheListIsReportedWithItsPathAndFrameOffset() {
    Player first = player(1, "ann", List.of());
    Player second = player(2, "bob", List.of());
    ByteBuffer dst = ByteBuffer.allocate(64);
    int n = GameSnapshotEncoder.encode(snapshot(List.of(first, second)), dst, 0);
    int secondName = 10 + PlayerEncoder.encodedLength(first) + 3; // id, bits, nameLength
    dst.put(secondName, (byte) 0xC0); // an overlong UTF-8 lead byte

    assertThatThrownBy(() -> GameSnapshotDecoder.decode(dst, 0, n))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("players[1].name");
              assertThat(e.offset()).isEqualTo(secondName);
            });
  }

  @Test
  void aListLengthEndingInsideAnElementIsMalformed() {
    Player p = player(1, "ann", List.of(new Position(1, 2, 3, 4)));
    ByteBuffer dst = ByteBuffer.allocate(64);
    int n = GameSnapshotEncoder.encode(snapshot(List.of(p)), dst, 0);
    int shortBy1 = n - 10 - 1; // the list's length now ends one byte inside the element
    dst.put(8, (byte) shortBy1).put(9, (byte) (shortBy1 >>> 8));

    assertThatThrownBy(() -> GameSnapshotDecoder.decode(dst, 0, n - 1))
        .isInstanceOfSatisfying(
            MalformedFrameException.class, e -> assertThat(e.field()).startsWith("players[0]"));
  }

  @Test
  void emptyListsAreValid() {
    GameSnapshot empty = snapshot(List.of());
    ByteBuffer dst = ByteBuffer.allocate(16);
    int n = GameSnapshotEncoder.encode(empty, dst, 0);

    assertThat(n).isEqualTo(GameSnapshotDecoder.MIN_LENGTH);
    assertThat(GameSnapshotDecoder.decode(dst, 0, n)).isEqualTo(empty);
    assertThat(Frames.hex(dst, 0, n)).isEqualTo("fbffffffffffffff0000");
  }

  @Provide
  Arbitrary<GameSnapshot> snapshots() {
    Arbitrary<Position> position =
        Combinators.combine(
                Arbitraries.floats(),
                Arbitraries.floats(),
                Arbitraries.doubles(),
                Arbitraries.integers().between(-32768, 32767))
            .as(Position::new);
    Arbitrary<Player> player =
        Combinators.combine(
                Arbitraries.longs(),
                Arbitraries.strings().alpha().ofMaxLength(10),
                position.list().ofMaxSize(3))
            .as(GameSnapshotTest::player);
    return player.list().ofMaxSize(4).map(GameSnapshotTest::snapshot);
  }

  @Property(tries = 500)
  void validSnapshotsRoundTrip(@ForAll("snapshots") GameSnapshot value, @ForAll boolean direct) {
    ByteBuffer dst = direct ? ByteBuffer.allocateDirect(512) : ByteBuffer.allocate(512);

    int n = GameSnapshotEncoder.encode(value, dst, 3);

    assertThat(n).isEqualTo(GameSnapshotEncoder.encodedLength(value));
    assertThat(GameSnapshotDecoder.decode(dst, 3, n)).isEqualTo(value);
    assertThat(GameSnapshotDecoder.frameLength(dst, 3, n)).isEqualTo(n);
    assertThat(GameSnapshotDecoder.frameLength(dst, 3, GameSnapshotDecoder.FIXED_LENGTH))
        .isEqualTo(n);
  }

  @Test
  void walkingPlayersAndTheirTrailsAllocatesNothing() {
    GameSnapshot value =
        snapshot(
            List.of(
                player(1, "ann", List.of(new Position(1, 2, 3, 4), new Position(5, 6, 7, -8))),
                player(300, "bob", List.of()),
                player(1L << 40, "chlo\u00e9", List.of(new Position(0, 0, 0, 100)))));
    ByteBuffer src = ByteBuffer.allocateDirect(256);
    int n = GameSnapshotEncoder.encode(value, src, 0);
    GameSnapshotDecoder d = new GameSnapshotDecoder();

    Allocations.Measured m =
        Allocations.measure(
            () -> {
              d.wrap(src, 0, n);
              long sum = 0;
              for (PlayerDecoder p : d.players()) {
                sum += p.id() + p.nameLength() + p.trailCount();
                for (PositionDecoder at : p.trail()) {
                  sum += at.heading() + (long) at.x();
                }
              }
              return sum;
            });

    long perWalk = (1 + 3 + 2 + 4 + 1 - 8 + 5) + (300 + 3) + ((1L << 40) + 6 + 1 + 100);
    assertThat(m.sum()).isEqualTo(perWalk * m.rounds());
    assertThat(m.allocated()).as("bytes allocated by wraps and nested walks").isLessThan(1024);
  }
}
