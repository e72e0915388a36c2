package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.LengthMode;

/**
 * The {@code try} methods' checks of one list at {@code pos}: the declared count or byte length
 * against the bytes there, then each element through the element decoder held by the list's cursor.
 * A count is checked against the bytes before anything is walked or allocated, so a count of 2^31
 * in a 40-byte frame fails at once; the walk is bounded by the bytes, since every element takes at
 * least one.
 *
 * <pre>
 * countFrom:  count &lt;= remaining / minLength ? walk count elements : COUNT_PAST_END
 * sizeFrom:   length &lt;= remaining ? walk elements to pos + length : PAST_END
 * remainder:  walk elements to end
 * </pre>
 */
final class ListChecks {
  private final MessageLayout layout;
  private final Leaf leaf;
  private final ListElement element;
  private final String len;
  private final String count;
  private final String decoder;

  ListChecks(MessageLayout layout, Leaf leaf) {
    this.layout = layout;
    this.leaf = leaf;
    this.element = ListElement.of(leaf);
    this.len = Names.lengthField(leaf);
    this.count = Names.countField(leaf);
    this.decoder = Names.cursorField(leaf) + ".element";
  }

  private static CodeBlock of(String format, Object... args) {
    return CodeBlock.of(format, args);
  }

  /** Declares {@code <list>Length} and {@code <list>Count}, or fails. */
  CodeBlock check(Failure failure) {
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock at = of("pos - offset");
    LengthMode mode = leaf.field().lengthMode();
    if (mode == LengthMode.COUNT_FROM) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      String declared = Names.sizeLocal(source);
      CodeBlock room = of("(end - pos) / $L", element.minLength());
      b.beginControlFlow("if ($L)", LeafChecks.over(source, declared, room))
          .add(failure.emit(leaf, at, "COUNT_PAST_END", of(declared), room))
          .endControlFlow();
      b.addStatement("int $L = (int) $L", count, declared);
      if (element.fixed()) {
        b.addStatement("int $L = $L * $L", len, count, element.width());
        b.add(fixedWalk(failure));
      } else {
        b.addStatement("int $L", len);
        b.add("{\n$>").addStatement("int p = pos");
        b.beginControlFlow("for (int i = 0; i < $L; i++)", count)
            .addStatement("int n = $L.tryWrapPrefix(src, p, end - p)", decoder)
            .beginControlFlow("if (n < 0)")
            .add(elementFailure(failure, "i"))
            .endControlFlow()
            .addStatement("p += n")
            .endControlFlow();
        b.addStatement("$L = p - pos", len).add("$<}\n");
      }
      return b.build();
    }
    if (mode == LengthMode.SIZE_FROM) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      String size = Names.sizeLocal(source);
      b.beginControlFlow("if ($L)", LeafChecks.over(source, size, of("end - pos")))
          .add(failure.emit(leaf, at, "PAST_END", of(size), of("end - pos")))
          .endControlFlow();
      b.addStatement("int $L = (int) $L", len, size);
    } else {
      b.addStatement("int $L = end - pos", len);
    }
    if (element.fixed()) {
      b.beginControlFlow("if ($L % $L != 0)", len, element.width())
          .add(
              failure.emit(
                  leaf,
                  at,
                  "PARTIAL_ELEMENT",
                  of(len),
                  of("$L - $L % $L", element.width(), len, element.width())))
          .endControlFlow();
      b.addStatement("int $L = $L / $L", count, len, element.width());
      b.add(fixedWalk(failure));
      return b.build();
    }
    b.addStatement("int $L = 0", count);
    b.add("{\n$>").addStatement("int p = pos").addStatement("int listEnd = pos + $L", len);
    b.beginControlFlow("while (p < listEnd)")
        .addStatement("int n = $L.tryWrapPrefix(src, p, listEnd - p)", decoder)
        .beginControlFlow("if (n < 0)")
        .add(elementFailure(failure, count))
        .endControlFlow()
        .addStatement("p += n")
        .addStatement("$L++", count)
        .endControlFlow();
    return b.add("$<}\n").build();
  }

  /** Each fixed-width element through the element decoder, when its bytes can be invalid. */
  private CodeBlock fixedWalk(Failure failure) {
    if (!element.needsCheck()) {
      return CodeBlock.of("");
    }
    int w = element.width();
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0, p = pos; i < $L; i++, p += $L)", count, w)
        .beginControlFlow("if (!$L.tryWrap(src, p, $L))", decoder, w)
        .add(elementFailure(failure, "i"))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private CodeBlock elementFailure(Failure failure, String index) {
    return CodeBlock.builder()
        .addStatement("failElement($L, $L, p - offset)", leaf.index(), index)
        .add(failure.reject())
        .build();
  }
}
