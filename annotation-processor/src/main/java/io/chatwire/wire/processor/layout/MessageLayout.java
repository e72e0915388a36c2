package io.chatwire.wire.processor.layout;

import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import java.util.List;

/**
 * A message's computed layout.
 *
 * <pre>
 * |&lt;-- fixedLength: leaves with static offsets --&gt;|&lt;-- dynamic part, from firstDynamic --&gt;|
 * </pre>
 *
 * @param message the declaration
 * @param leaves every wire field, flattened, in order
 * @param fixedLength bytes from the start of the frame up to the first field whose offset depends
 *     on data
 * @param minLength the shortest possible frame (every variable field empty)
 * @param firstDynamic index of the first leaf without a static offset, or {@code leaves.size()}
 * @param maxLength the largest frame allowed, {@link Integer#MAX_VALUE} when not limited
 */
public record MessageLayout(
    MessageDescriptor message,
    List<Leaf> leaves,
    int fixedLength,
    int minLength,
    int firstDynamic,
    int maxLength) {

  /** Whether the last leaf takes the rest of the frame. */
  public boolean endsWithRemainder() {
    return !leaves.isEmpty()
        && leaves.get(leaves.size() - 1).field().lengthMode() == LengthMode.REMAINDER;
  }
}
