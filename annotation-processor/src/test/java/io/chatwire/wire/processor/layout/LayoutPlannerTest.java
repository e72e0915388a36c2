package io.chatwire.wire.processor.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets, lengths and size links computed from descriptors alone. */
class LayoutPlannerTest {
  private static FieldDescriptor fixed(String name, int bytes) {
    return new FieldDescriptor(
        name,
        null,
        bytes > 8 ? WireKind.WIDE_INTEGER : WireKind.INTEGER,
        TypeName.LONG,
        "long",
        LengthMode.FIXED,
        bytes,
        "",
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static FieldDescriptor sized(String name, String sizeFrom) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.STRING,
        ClassName.get(String.class),
        "",
        LengthMode.SIZE_FROM,
        0,
        sizeFrom,
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static MessageDescriptor message(String name, int maxLength, FieldDescriptor... f) {
    return new MessageDescriptor(null, ClassName.get("p", name), true, maxLength, List.of(f));
  }

  @Test
  void tcrpHeaderIsTheFixedPart() {
    MessageLayout layout =
        LayoutPlanner.plan(
            message(
                "Tcrp",
                0,
                fixed("roomNameSize", 1),
                fixed("operation", 1),
                fixed("state", 1),
                fixed("payloadSize", 29),
                sized("roomName", "roomNameSize"),
                sized("payload", "payloadSize")));

    assertThat(layout.fixedLength()).isEqualTo(32);
    assertThat(layout.minLength()).isEqualTo(32);
    assertThat(layout.maxLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 1, 2, 3, 32, -1);
    assertThat(layout.leaves().get(4).sizeSource()).isZero();
    assertThat(layout.leaves().get(3).sizeUser()).isEqualTo(5);
  }

  @Test
  void nestedFieldsAreFlattenedWithPathsAndAccessors() {
    MessageDescriptor header = message("Header", 0, fixed("size", 1), sized("label", "size"));
    FieldDescriptor nested =
        new FieldDescriptor(
            "header",
            null,
            WireKind.MESSAGE,
            ClassName.get("p", "Header"),
            "",
            LengthMode.NESTED,
            0,
            "",
            false,
            -1,
            0,
            header,
            List.of());
    MessageLayout layout = LayoutPlanner.plan(message("Outer", 64, fixed("a", 2), nested));

    assertThat(layout.leaves())
        .extracting(Leaf::path)
        .containsExactly("a", "header.size", "header.label");
    assertThat(layout.leaves())
        .extracting(Leaf::accessor)
        .containsExactly("a", "headerSize", "headerLabel");
    assertThat(layout.leaves().get(2).sizeSource()).isEqualTo(1);
    assertThat(layout.leaves().get(2).valuePath()).containsExactly("header", "label");
    assertThat(layout.fixedLength()).isEqualTo(3);
    assertThat(layout.maxLength()).isEqualTo(64);
  }

  @Test
  void constantNamesAreUpperSnakeCase() {
    assertThat(LayoutPlanner.constantName("roomNameSize")).isEqualTo("ROOM_NAME_SIZE");
    assertThat(LayoutPlanner.constantName("a")).isEqualTo("A");
  }
}
