package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.wire.tests.v2.GameSnapshot.Player;
import io.chatwire.wire.tests.v2.GameSnapshot.Position;
import io.chatwire.wire.tests.v2.MqttPacket.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Frames sent back to back on a stream and read in chunks of any size: a reader that accumulates
 * bytes, asks {@code frameLength} and cuts finds every frame boundary exactly. (A layout ending in
 * a remainder, such as {@code DnsMessage}, cannot be framed on a stream by itself: DNS over TCP
 * puts a two-byte length before each message, RFC 1035 section 4.2.2.)
 */
class StreamFramingTest {
  /**
   * A generated {@code encode}.
   *
   * @param <T> the record
   */
  @FunctionalInterface
  interface Encode<T> {
    int encode(T value, ByteBuffer dst, int offset);
  }

  /**
   * Records of one protocol and their frames, back to back.
   *
   * @param codec the protocol's decoder
   * @param values the records in stream order
   * @param lengths each record's frame length
   * @param bytes the stream
   */
  record Stream(Codec codec, List<?> values, int[] lengths, byte[] bytes) {
    @Override
    public String toString() {
      return codec + " " + values;
    }
  }

  private static <T> Arbitrary<Stream> stream(
      Codec codec, Arbitrary<T> value, ToIntFunction<T> encodedLength, Encode<T> encode) {
    return value
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(
            values -> {
              int[] lengths = new int[values.size()];
              int total = 0;
              for (int i = 0; i < lengths.length; i++) {
                lengths[i] = encodedLength.applyAsInt(values.get(i));
                total += lengths[i];
              }
              ByteBuffer dst = ByteBuffer.allocate(total);
              int p = 0;
              for (T v : values) {
                p += encode.encode(v, dst, p);
              }
              return new Stream(codec, values, lengths, dst.array());
            });
  }

  private static Arbitrary<MqttPacket> mqttPackets() {
    Arbitrary<Integer> size =
        Arbitraries.oneOf(
            Arbitraries.of(0, 127, 128, 16383, 16384), Arbitraries.integers().between(0, 40));
    return Combinators.combine(
            Arbitraries.of(Type.class), Arbitraries.integers().between(0, 15), size)
        .as(
            (type, flags, n) -> {
              byte[] body = new byte[n];
              new Random(n).nextBytes(body);
              return new MqttPacket(type, flags, n, ByteBuffer.wrap(body));
            });
  }

  private static Arbitrary<TftpReadRequest> readRequests() {
    Arbitrary<String> name =
        Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(30);
    return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), name, name)
        .as(TftpReadRequest::new);
  }

  private static Arbitrary<DnsQuestion> dnsQuestions() {
    Arbitrary<byte[]> name =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(20)
            .list()
            .ofMaxSize(3)
            .map(
                labels -> {
                  StringBuilder s = new StringBuilder();
                  for (String l : labels) {
                    s.append((char) l.length()).append(l);
                  }
                  return s.toString().getBytes(StandardCharsets.ISO_8859_1);
                });
    return Combinators.combine(
            name, Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 3))
        .as((n, type, klass) -> new DnsQuestion(ByteBuffer.wrap(n), type, klass));
  }

  private static Arbitrary<GameSnapshot> snapshots() {
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
                Arbitraries.strings().alpha().ofMaxLength(8),
                position.list().ofMaxSize(3))
            .as(
                (id, name, trail) ->
                    new Player(id, false, 3, 0, name.length(), name, trail.size(), trail));
    return Combinators.combine(Arbitraries.longs(), player.list().ofMaxSize(3))
        .as(
            (tick, players) -> {
              int length = 0;
              for (Player p : players) {
                length += PlayerEncoder.encodedLength(p);
              }
              return new GameSnapshot(tick, length, players);
            });
  }

  @Provide
  Arbitrary<Stream> streams() {
    return Arbitraries.oneOf(
        List.of(
            stream(
                Codecs.mqttPacket(),
                mqttPackets(),
                MqttPacketEncoder::encodedLength,
                MqttPacketEncoder::encode),
            stream(
                Codecs.tftpReadRequest(),
                readRequests(),
                TftpReadRequestEncoder::encodedLength,
                TftpReadRequestEncoder::encode),
            stream(
                Codecs.dnsQuestion(),
                dnsQuestions(),
                DnsQuestionEncoder::encodedLength,
                DnsQuestionEncoder::encode),
            stream(
                Codecs.gameSnapshot(),
                snapshots(),
                GameSnapshotEncoder::encodedLength,
                GameSnapshotEncoder::encode)));
  }

  /**
   * The reader: each chunk is appended, then every whole frame at the front is cut. Every answer of
   * {@code frameLength} is checked against the frame that is really there: -1 only while fewer
   * bytes than that frame have arrived, otherwise exactly its length.
   */
  @Property(tries = 600)
  void everyFrameBoundaryIsFoundWhateverTheChunkSizes(
      @ForAll("streams") Stream stream, @ForAll long seed, @ForAll boolean direct) {
    Random random = new Random(seed);
    int maxChunk = new int[] {1, 2, 7, 64, 1 << 16}[random.nextInt(5)];
    byte[] bytes = stream.bytes();
    int base = 3;
    ByteBuffer received = Frames.placed(new byte[bytes.length], base, direct);
    List<Object> decoded = new ArrayList<>();
    int start = base;
    int filled = base;
    int fed = 0;
    while (fed < bytes.length) {
      int chunk = Math.min(1 + random.nextInt(maxChunk), bytes.length - fed);
      received.put(filled, bytes, fed, chunk);
      filled += chunk;
      fed += chunk;
      while (start < filled) {
        int index = decoded.size();
        int expected = stream.lengths()[index];
        int available = filled - start;
        int n = stream.codec().frameLength().apply(received, start, available);
        String where = "frame " + index + " with " + available + " bytes available";
        if (n < 0) {
          assertThat(available).as(where).isLessThan(expected);
          break;
        }
        assertThat(n).as(where).isEqualTo(expected);
        if (n > available) {
          break; // the length is known, the rest has not arrived
        }
        decoded.add(stream.codec().decode().apply(received, start, n));
        start += n;
      }
    }

    assertThat(start).isEqualTo(filled);
    assertThat(decoded).isEqualTo(stream.values());
  }
}
