package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record ListOfPlainRecords(
    @Field(bytes = 1) int count,
    @Field(countFrom = "count") List<Plain> plains) {
  public record Plain(@Field(bytes = 1) int id) {}
}
