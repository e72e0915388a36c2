package io.chatwire.bench;

import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a list of fixed-width records ({@link Snapshot}: 64 positions of 16 bytes) and reading
 * every element: the generated flyweight's cursor and its random access, against hand-written
 * {@code ByteBuffer} code doing the same checks (length, count against the bytes there) and the
 * allocating {@code decode} to records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListBenchmark {
  static final int POSITIONS = 64;
  private static final int HEADER = 10;
  private static final int POSITION = 16;

  ByteBuffer frame;
  int length;
  final SnapshotDecoder decoder = new SnapshotDecoder();

  /** One snapshot of 64 positions in a direct buffer. */
  @Setup
  public void setUp() {
    List<Snapshot.Position> positions = new ArrayList<>();
    for (int i = 0; i < POSITIONS; i++) {
      positions.add(new Snapshot.Position(i, i * 0.5f, i * 0.25f, -i));
    }
    Snapshot snapshot = new Snapshot(123_456_789L, POSITIONS, positions);
    frame = ByteBuffer.allocateDirect(SnapshotEncoder.encodedLength(snapshot));
    length = SnapshotEncoder.encode(snapshot, frame, 0);
  }

  /** Generated flyweight: validate once, then walk the reused cursor. */
  @Benchmark
  public float cursor() {
    SnapshotDecoder s = decoder.wrap(frame, 0, length);
    float sum = 0;
    for (PositionDecoder p : s.positions()) {
      sum += p.id() + p.x() + p.y() + p.z();
    }
    return sum;
  }

  /** Generated flyweight: validate once, then O(1) access by index. */
  @Benchmark
  public float randomAccess() {
    SnapshotDecoder s = decoder.wrap(frame, 0, length);
    float sum = 0;
    for (int i = 0, n = s.positionsCount(); i < n; i++) {
      PositionDecoder p = s.positions(i);
      sum += p.id() + p.x() + p.y() + p.z();
    }
    return sum;
  }

  /** Hand-written: the same checks and reads with absolute gets (the floor). */
  @Benchmark
  public float handWritten() {
    ByteBuffer b = frame;
    if (length < HEADER) {
      throw new MalformedFrameException("Snapshot", 0, FrameProblem.TRUNCATED, "too short");
    }
    int count = b.getShort(8) & 0xFFFF;
    if (count != (length - HEADER) / POSITION || (length - HEADER) % POSITION != 0) {
      throw new MalformedFrameException(
          "positions", HEADER, FrameProblem.COUNT_PAST_END, "count does not match the length");
    }
    float sum = 0;
    for (int i = 0, at = HEADER; i < count; i++, at += POSITION) {
      sum += b.getInt(at) + b.getFloat(at + 4) + b.getFloat(at + 8) + b.getFloat(at + 12);
    }
    return sum;
  }

  /** Allocating: {@code decode} to a record with a list of records. */
  @Benchmark
  public float records() {
    float sum = 0;
    for (Snapshot.Position p : SnapshotDecoder.decode(frame, 0, length).positions()) {
      sum += p.id() + p.x() + p.y() + p.z();
    }
    return sum;
  }
}
