package bad;

import io.chatwire.wire.Message;

@Message
public class NotRecord {
  int a;
}
