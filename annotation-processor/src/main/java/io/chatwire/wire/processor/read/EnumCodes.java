package io.chatwire.wire.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import io.chatwire.wire.processor.model.EnumConstant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Reads the wire codes of a {@code WireCode} enum from its source, for documentation and dissectors
 * (the generated codecs never depend on this: they call {@code code()} at run time). A code is
 * known when the constant's first constructor argument is an integer literal, as in {@code
 * CREATE(1)}; otherwise, or when the enum is not compiled from source, it is left empty.
 */
final class EnumCodes {
  private final Trees trees;

  EnumCodes(Trees trees) {
    this.trees = trees;
  }

  List<EnumConstant> read(TypeElement enumType) {
    List<EnumConstant> constants = new ArrayList<>();
    for (Element e : enumType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(new EnumConstant(e.getSimpleName().toString(), code(e), e));
      }
    }
    return List.copyOf(constants);
  }

  private OptionalLong code(Element constant) {
    if (trees == null) {
      return OptionalLong.empty();
    }
    Tree tree = trees.getTree(constant);
    if (!(tree instanceof VariableTree)) {
      return OptionalLong.empty();
    }
    ExpressionTree init = ((VariableTree) tree).getInitializer();
    if (!(init instanceof NewClassTree) || ((NewClassTree) init).getArguments().isEmpty()) {
      return OptionalLong.empty();
    }
    return literal(((NewClassTree) init).getArguments().get(0));
  }

  private static OptionalLong literal(ExpressionTree arg) {
    if (arg instanceof LiteralTree && ((LiteralTree) arg).getValue() instanceof Number) {
      Number n = (Number) ((LiteralTree) arg).getValue();
      if (n instanceof Integer || n instanceof Long) {
        return OptionalLong.of(n.longValue());
      }
    }
    if (arg instanceof UnaryTree && arg.getKind() == Tree.Kind.UNARY_MINUS) {
      OptionalLong inner = literal(((UnaryTree) arg).getExpression());
      return inner.isPresent() ? OptionalLong.of(-inner.getAsLong()) : inner;
    }
    return OptionalLong.empty();
  }
}
