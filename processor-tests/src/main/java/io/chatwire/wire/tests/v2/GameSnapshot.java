package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Endian;
import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

/**
 * A game server's world snapshot: a byte-length-prefixed list of players, each with its own list of
 * positions (a list of records that hold lists), little-endian as game engines write them.
 *
 * @param tick the simulation tick (all 2^64 values valid)
 * @param playersLength the byte length of the player list
 * @param players the players
 */
@Message(endian = Endian.LITTLE)
public record GameSnapshot(
    @Field(bytes = 8) long tick,
    @Field(bytes = 2) int playersLength,
    @Field(sizeFrom = "playersLength") List<Player> players) {

  /**
   * One player and its recent positions.
   *
   * @param id the player
   * @param alive whether the player is alive
   * @param team the team, 0 to 7
   * @param reserved zero
   * @param nameLength the name's byte length
   * @param name the display name
   * @param trail its positions, oldest first
   */
  @Message(endian = Endian.LITTLE)
  public record Player(
      @Field(varint = true) long id,
      @Field(bits = 1) boolean alive,
      @Field(bits = 3) int team,
      @Field(bits = 4) int reserved,
      @Field(bytes = 1) int nameLength,
      @Field(sizeFrom = "nameLength") String name,
      @Field(bytes = 1) int trailCount,
      @Field(countFrom = "trailCount") List<Position> trail) {}

  /**
   * A position in the world.
   *
   * @param x east
   * @param y north
   * @param z up
   * @param heading degrees, signed 16-bit fixed point
   */
  @Message(endian = Endian.LITTLE)
  public record Position(
      @Field(bytes = 4) float x,
      @Field(bytes = 4) float y,
      @Field(bytes = 8) double z,
      @Field(bits = 16, signed = true) int heading) {}
}
