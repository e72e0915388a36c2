package io.chatwire.bench;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

/**
 * A game-style snapshot for {@link ListBenchmark}: a tick, a count and that many fixed-width
 * positions.
 *
 * @param tick the simulation tick
 * @param count the number of positions
 * @param positions the positions
 */
@Message(maxLength = 65535)
public record Snapshot(
    @Field(bytes = 8) long tick,
    @Field(bytes = 2) int count,
    @Field(countFrom = "count") List<Position> positions) {

  /**
   * One entity's position.
   *
   * @param id the entity
   * @param x east
   * @param y north
   * @param z up
   */
  @Message
  public record Position(
      @Field(bytes = 4, signed = true) int id,
      @Field(bytes = 4) float x,
      @Field(bytes = 4) float y,
      @Field(bytes = 4) float z) {}
}
