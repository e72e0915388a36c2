package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record ListElementRemainder(
    @Field(bytes = 1) int count,
    @Field(countFrom = "count") List<Tlv> tlvs) {
  @Message
  public record Tlv(@Field(bytes = 1) int type, @Field(remainder = true) ByteBuffer value) {}
}
