package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

@Message
public record UnsupportedChar(@Field(bytes = 2) char value) {}
