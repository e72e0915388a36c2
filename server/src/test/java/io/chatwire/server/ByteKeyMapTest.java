package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-keyed map agrees with a HashMap under random puts, removes and buffer probes. */
class ByteKeyMapTest {
  @Test
  void behavesLikeAHashMap() {
    Random random = new Random(42);
    ByteKeyMap<Integer> map = new ByteKeyMap<>();
    Map<String, Integer> model = new HashMap<>();
    ByteBuffer probe = ByteBuffer.allocateDirect(64);
    for (int step = 0; step < 50_000; step++) {
      String key = "k" + random.nextInt(300);
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      switch (random.nextInt(3)) {
        case 0 -> assertThat(map.put(bytes, step)).isEqualTo(model.put(key, step));
        case 1 -> assertThat(map.remove(bytes)).isEqualTo(model.remove(key));
        default -> {
          probe.clear();
          probe.put(7, bytes);
          assertThat(map.get(probe, 7, bytes.length)).isEqualTo(model.get(key));
          assertThat(map.containsKey(bytes)).isEqualTo(model.containsKey(key));
        }
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    assertThat(map.values()).containsExactlyInAnyOrderElementsOf(model.values());
  }

  @Test
  void emptyKeyAndCollidingHashesWork() {
    ByteKeyMap<String> map = new ByteKeyMap<>();
    // "Aa" and "BB" have the same Arrays.hashCode
    map.put("Aa".getBytes(StandardCharsets.US_ASCII), "first");
    map.put("BB".getBytes(StandardCharsets.US_ASCII), "second");
    map.put(new byte[0], "empty");
    assertThat(map.get("BB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("second");
    assertThat(map.remove("Aa".getBytes(StandardCharsets.US_ASCII))).isEqualTo("first");
    assertThat(map.get("BB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("second");
    assertThat(map.get(ByteBuffer.allocate(0), 0, 0)).isEqualTo("empty");
  }
}
