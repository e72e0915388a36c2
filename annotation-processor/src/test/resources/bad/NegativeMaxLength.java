package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

@Message(maxLength = -1)
public record NegativeMaxLength(@Field(bytes = 1) int value) {}
