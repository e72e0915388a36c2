package bad;

import io.chatwire.wire.Message;

@Message
public record EmptyRecord() {}
