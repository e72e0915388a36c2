package good;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

/** An RTP-like header: one 16-bit group of bit fields, then a list of sources counted by one. */
@Message(maxLength = 256)
public record MediaHeader(
    @Field(bits = 2) int version,
    @Field(bits = 1) boolean padding,
    @Field(bits = 1) boolean extension,
    @Field(bits = 4) int sourceCount,
    @Field(bits = 1) boolean marker,
    @Field(bits = 7) int payloadType,
    @Field(bytes = 2) int sequence,
    @Field(countFrom = "sourceCount") List<Source> sources) {

  /** One fixed-length element. */
  @Message
  public record Source(@Field(bytes = 4) long id) {}
}
