package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

/**
 * A list counted by an unsigned 8-byte count and no {@code maxLength}.
 *
 * @param count the number of items
 * @param items the items
 */
@Message
public record Counted8(@Field(bytes = 8) long count, @Field(countFrom = "count") List<Item> items) {
  /**
   * A 3-byte item.
   *
   * @param kind the kind
   * @param value the value
   */
  @Message
  public record Item(@Field(bytes = 1) int kind, @Field(bytes = 2) int value) {}
}
