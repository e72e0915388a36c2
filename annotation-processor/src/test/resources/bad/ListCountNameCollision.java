package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

@Message
public record ListCountNameCollision(
    @Field(bytes = 1) int itemsCount,
    @Field(bytes = 1) int n,
    @Field(countFrom = "n") List<Item> items) {
  @Message
  public record Item(@Field(bytes = 2) int id) {}
}
