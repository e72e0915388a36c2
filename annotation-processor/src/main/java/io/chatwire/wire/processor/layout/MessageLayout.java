package io.chatwire.wire.processor.layout;

import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
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

  /**
   * Whether {@code leaf}'s size or count source is the component named {@code <leaf>}{@code
   * suffix}, as in {@code fileNameLength} + {@code fileName}: the decoder then leaves out its own
   * {@code fileNameLength()} helper, since the component's accessor returns the same number.
   */
  public boolean sourceNamed(Leaf leaf, String suffix) {
    return leaf.sizeSource() >= 0
        && leaves.get(leaf.sizeSource()).accessor().equals(leaf.accessor() + suffix);
  }

  /**
   * The no-argument methods the decoder has for {@code leaf}: its accessor, and for byte ranges and
   * lists their offset, length (and count) helpers.
   */
  public List<String> accessorNames(Leaf leaf) {
    List<String> names = new java.util.ArrayList<>();
    names.add(leaf.accessor());
    boolean range = leaf.field().kind().isVariableCapable() || leaf.field().kind() == WireKind.LIST;
    if (range) {
      names.add(leaf.accessor() + "Offset");
      if (!sourceNamed(leaf, "Length")) {
        names.add(leaf.accessor() + "Length");
      }
    }
    if (leaf.field().kind() == WireKind.LIST && !sourceNamed(leaf, "Count")) {
      names.add(leaf.accessor() + "Count");
    }
    return names;
  }
}
