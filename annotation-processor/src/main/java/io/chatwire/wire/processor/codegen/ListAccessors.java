package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import javax.lang.model.element.Modifier;

/**
 * The decoder's side of one list, in the style of SBE's repeating groups: a count, a reusable
 * cursor over the elements (one element flyweight, re-wrapped at each step, no allocation) and,
 * when every element has the same width, random access.
 *
 * <pre>
 * for (QuestionDecoder q : dns.questions()) { q.qtype(); }    // any element width
 * dns.questions(2).qtype();                                   // fixed width: O(1)
 * </pre>
 */
final class ListAccessors {
  private static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
  private static final ClassName ITERABLE = ClassName.get("java.lang", "Iterable");

  private final MessageLayout layout;
  private final Leaf leaf;
  private final ListElement element;
  private final ClassName cursor;

  ListAccessors(MessageLayout layout, ClassName self, Leaf leaf) {
    this.layout = layout;
    this.leaf = leaf;
    this.element = ListElement.of(leaf);
    this.cursor = self.nestedClass(Names.cursorClass(leaf));
  }

  void addFields(TypeSpec.Builder type) {
    type.addField(TypeName.INT, Names.countField(leaf), Modifier.PRIVATE);
    type.addField(
        FieldSpec.builder(cursor, Names.cursorField(leaf), Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", cursor)
            .build());
    if (element.fixed()) {
      type.addField(
          FieldSpec.builder(
                  element.decoder(), Names.elementField(leaf), Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T()", element.decoder())
              .build());
    }
  }

  void addMethods(TypeSpec.Builder type) {
    String path = leaf.path();
    DecoderAccessors.addRange(type, layout, leaf);
    if (!layout.sourceNamed(leaf, "Count")) {
      type.addMethod(
          DecoderAccessors.intGetter(
              leaf,
              Names.countField(leaf),
              "Number of elements of {@code " + path + "}.\n\n@return the count\n",
              CodeBlock.of("$L", Names.countField(leaf))));
    }
    type.addMethod(
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(cursor)
            .addJavadoc(
                "{@code $L}: $L. The list's cursor, restarted at its first element: iterate it"
                    + " once (it is also the {@code Iterable} of a for-each loop). One cursor and"
                    + " one element flyweight per decoder, reused: no allocation.\n\n"
                    + "@return the cursor\n",
                path,
                LayoutDoc.describe(leaf))
            .addCode(DecoderAccessors.guard(leaf))
            .addStatement(
                "return $L.reset(buffer, $L, $L, $L)",
                Names.cursorField(leaf),
                DecoderAccessors.index(leaf),
                Names.lengthField(leaf),
                Names.countField(leaf))
            .build());
    if (element.fixed()) {
      type.addMethod(
          MethodSpec.methodBuilder(leaf.accessor())
              .addModifiers(Modifier.PUBLIC)
              .returns(element.decoder())
              .addParameter(TypeName.INT, "index")
              .addJavadoc(
                  "Element {@code index} of {@code $L}, in O(1): a flyweight reused by every call"
                      + " (no allocation).\n\n@param index from 0 to the count - 1\n"
                      + "@return the element's decoder\n"
                      + "@throws IndexOutOfBoundsException if there is no such element\n",
                  path)
              .addCode(DecoderAccessors.guard(leaf))
              .addStatement("$T.checkIndex(index, $L)", Names.OBJECTS, Names.countField(leaf))
              .addStatement(
                  "return $L.wrap(buffer, $L + index * $L, $L)",
                  Names.elementField(leaf),
                  DecoderAccessors.index(leaf),
                  element.width(),
                  element.width())
              .build());
    }
    type.addType(cursorClass());
  }

  /** {@code QuestionsCursor}: an {@code Iterator} and {@code Iterable} over one list. */
  private TypeSpec cursorClass() {
    ClassName decoder = element.decoder();
    MethodSpec.Builder next =
        MethodSpec.methodBuilder("next")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(decoder)
            .addJavadoc(
                "Wraps the next element (the same flyweight each time).\n\n"
                    + "@return the element's decoder\n"
                    + "@throws java.util.NoSuchElementException after the last element\n")
            .beginControlFlow("if (index >= count)")
            .addStatement(
                "throw new $T($S)",
                ClassName.get("java.util", "NoSuchElementException"),
                leaf.path() + " has no more elements")
            .endControlFlow();
    if (element.fixed()) {
      next.addStatement("element.wrap(buffer, next, $L)", element.width())
          .addStatement("next += $L", element.width());
    } else {
      next.addStatement("int n = element.tryWrapPrefix(buffer, next, end - next)")
          .beginControlFlow("if (n < 0)")
          .addStatement("throw element.failure()")
          .endControlFlow()
          .addStatement("next += n");
    }
    next.addStatement("index++").addStatement("return element");
    return TypeSpec.classBuilder(cursor)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ITERATOR, decoder))
        .addSuperinterface(ParameterizedTypeName.get(ITERABLE, decoder))
        .addJavadoc(
            "Walks the elements of {@code $L} in order with one reused {@link $T}.\n",
            leaf.path(),
            decoder)
        .addField(
            FieldSpec.builder(decoder, "element", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", decoder)
                .build())
        .addField(Names.BYTE_BUFFER, "buffer", Modifier.PRIVATE)
        .addField(TypeName.INT, "next", Modifier.PRIVATE)
        .addField(TypeName.INT, "end", Modifier.PRIVATE)
        .addField(TypeName.INT, "count", Modifier.PRIVATE)
        .addField(TypeName.INT, "index", Modifier.PRIVATE)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(
            MethodSpec.methodBuilder("reset")
                .addModifiers(Modifier.PRIVATE)
                .returns(cursor)
                .addParameter(Names.BYTE_BUFFER, "buffer")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "length")
                .addParameter(TypeName.INT, "count")
                .addStatement("this.buffer = buffer")
                .addStatement("this.next = from")
                .addStatement("this.end = from + length")
                .addStatement("this.count = count")
                .addStatement("this.index = 0")
                .addStatement("return this")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("count")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addJavadoc("The number of elements in the list.\n\n@return the count\n")
                .addStatement("return count")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("hasNext")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Whether an element is left.\n\n@return {@code true} if so\n")
                .addStatement("return index < count")
                .build())
        .addMethod(next.build())
        .addMethod(
            MethodSpec.methodBuilder("iterator")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ITERATOR, decoder))
                .addJavadoc(
                    "This cursor itself, so that it can be walked by a for-each loop.\n\n"
                        + "@return this cursor\n")
                .addStatement("return this")
                .build())
        .build();
  }

  /** The local that {@code toRecord} fills for a list, e.g. {@code questionsList}. */
  static String listLocal(String accessor) {
    return accessor + "List";
  }

  /** Statements of {@code toRecord} that copy a list's elements into an unmodifiable list. */
  static CodeBlock toList(Leaf leaf) {
    ListElement element = ListElement.of(leaf);
    String local = listLocal(leaf.accessor());
    return CodeBlock.builder()
        .addStatement("$T $L", element.listType(), local)
        .add("{\n$>")
        .addStatement(
            "$T cursor = $L()", ClassName.get("", Names.cursorClass(leaf)), leaf.accessor())
        .addStatement(
            "$T items = new $T[cursor.count()]",
            ArrayTypeName.of(element.record()),
            element.record())
        .beginControlFlow("for (int i = 0; i < items.length; i++)")
        .addStatement("items[i] = cursor.next().toRecord()")
        .endControlFlow()
        .addStatement("$L = $T.of(items)", local, ClassName.get("java.util", "List"))
        .add("$<}\n")
        .build();
  }
}
