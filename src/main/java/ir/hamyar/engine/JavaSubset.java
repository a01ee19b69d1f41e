package ir.hamyar.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.ModifyStatement;
import org.drools.mvel.parser.ast.expr.WithStatement;

/**
 * Checks the Java in a rule file — constraints, {@code eval}s, function bodies and consequences, parsed by Drools' own
 * Java parser — against the subset: literals, arithmetic, comparisons, locals, {@code if}, {@code switch} and
 * {@code return}; calls only of the allowed methods ({@link RuleVocabulary}) and the file's own functions;
 * {@code new} only of declared types and {@link ir.hamyar.facts.Text}; in a consequence, {@code insert} of a
 * conclusion or a declared fact and nothing else. Every other construct is refused where it stands, naming what is
 * not allowed. Types are not inferred: a method is allowed by its name, and no allowed name reaches the JVM.
 */
final class JavaSubset {

    /** Where the Java stands, which decides what unqualified names and calls may mean. */
    enum Place {
        CONSTRAINT,
        EVAL,
        ACCUMULATE,
        FUNCTION,
        CONSEQUENCE
    }

    private final Map<String, Set<String>> declaredTypes;
    private final Map<String, String> functions;
    private final BiConsumer<Node, String> refuse;

    /**
     * @param declaredTypes the types the file declares, with their fields
     * @param functions the functions the file declares, with their return types
     * @param refuse told of every construct outside the subset, with the node it stands at
     */
    JavaSubset(Map<String, Set<String>> declaredTypes, Map<String, String> functions, BiConsumer<Node, String> refuse) {
        this.declaredTypes = declaredTypes;
        this.functions = functions;
        this.refuse = refuse;
    }

    /** What names mean at one place: the variables bound so far, locals with their types, the pattern's type. */
    static final class Names {
        final Place place;
        final Set<String> variables;
        final Map<String, String> localTypes = new HashMap<>();
        final String patternType;

        Names(Place place, Set<String> variables, String patternType) {
            this.place = place;
            this.variables = new HashSet<>(variables);
            this.patternType = patternType;
        }
    }

    private boolean isAllowedType(Type type) {
        return RuleVocabulary.isAllowedType(type.asString(), declaredTypes);
    }

    void block(BlockStmt block, Names names) {
        block.getStatements().forEach(statement -> statement(statement, names));
    }

    void statement(Statement statement, Names names) {
        if (statement instanceof BlockStmt block) {
            block(block, names);
        } else if (statement instanceof ExpressionStmt expression) {
            topLevelExpression(expression.getExpression(), names);
        } else if (statement instanceof IfStmt ifStmt) {
            expression(ifStmt.getCondition(), names);
            statement(ifStmt.getThenStmt(), names);
            ifStmt.getElseStmt().ifPresent(otherwise -> statement(otherwise, names));
        } else if (statement instanceof SwitchStmt switchStmt) {
            expression(switchStmt.getSelector(), names);
            switchStmt.getEntries().forEach(entry -> switchEntry(entry, names));
        } else if (statement instanceof ReturnStmt returnStmt) {
            if (names.place != Place.FUNCTION) {
                refuse.accept(statement, "return is allowed in a function only");
            }
            returnStmt.getExpression().ifPresent(value -> expression(value, names));
        } else if (statement instanceof YieldStmt yield) {
            expression(yield.getExpression(), names);
        } else if (statement instanceof BreakStmt breakStmt) {
            if (breakStmt.getLabel().isPresent()) {
                refuse.accept(statement, "labels are not allowed");
            }
        } else if (statement instanceof ModifyStatement || statement instanceof WithStatement) {
            refuse.accept(statement, "modify is not allowed: a rule only inserts conclusions and declared facts");
        } else if (statement instanceof ForStmt
                || statement instanceof ForEachStmt
                || statement instanceof WhileStmt
                || statement instanceof DoStmt) {
            refuse.accept(statement, "loops are not allowed: each rule decides one case, Drools does the matching");
        } else if (!(statement instanceof EmptyStmt)) {
            refuse.accept(statement, describe(statement) + " is not allowed in a rule");
        }
    }

    private void switchEntry(SwitchEntry entry, Names names) {
        entry.getLabels().forEach(label -> {
            if (!(label instanceof LiteralExpr)) {
                refuse.accept(label, "a case label must be a literal");
            }
        });
        entry.getGuard().ifPresent(guard -> refuse.accept(guard, "case guards are not allowed"));
        entry.getStatements().forEach(statement -> statement(statement, names));
    }

    /** A statement's expression: in a consequence, a call of {@code insert}, a local or an assignment to one. */
    private void topLevelExpression(Expression expression, Names names) {
        if (expression instanceof VariableDeclarationExpr declaration) {
            declaration.getVariables().forEach(variable -> local(variable, names));
        } else if (expression instanceof AssignExpr assign) {
            if (!(assign.getTarget() instanceof NameExpr target)
                    || !names.localTypes.containsKey(target.getNameAsString())) {
                refuse.accept(assign, "only a local variable may be assigned to");
            }
            expression(assign.getValue(), names);
        } else if (expression instanceof MethodCallExpr || expression instanceof ObjectCreationExpr) {
            expression(expression, names);
        } else {
            refuse.accept(expression, describe(expression) + " is not a statement a rule may make");
        }
    }

    private void local(VariableDeclarator variable, Names names) {
        String name = variable.getNameAsString();
        String type = variable.getTypeAsString();
        if (!type.equals("var") && !isAllowedType(variable.getType())) {
            refuse.accept(variable.getType(), "type " + type + " is not allowed: " + RuleVocabulary.ALLOWED_TYPES);
        }
        variable.getInitializer().ifPresent(value -> expression(value, names));
        names.variables.add(name);
        names.localTypes.put(name, type);
    }

    void expression(Expression expression, Names names) {
        if (expression instanceof DrlxExpression drlx) {
            if (drlx.getBind() != null) {
                names.variables.add(drlx.getBind().asString());
            }
            expression(drlx.getExpr(), names);
        } else if (expression instanceof LiteralExpr) {
            return;
        } else if (expression instanceof NameExpr name) {
            name(name, name.getNameAsString(), names);
        } else if (expression instanceof BinaryExpr binary) {
            expression(binary.getLeft(), names);
            expression(binary.getRight(), names);
        } else if (expression instanceof HalfBinaryExpr half) {
            expression(half.getRight(), names);
        } else if (expression instanceof UnaryExpr unary) {
            expression(unary.getExpression(), names);
        } else if (expression instanceof EnclosedExpr enclosed) {
            expression(enclosed.getInner(), names);
        } else if (expression instanceof ConditionalExpr conditional) {
            expression(conditional.getCondition(), names);
            expression(conditional.getThenExpr(), names);
            expression(conditional.getElseExpr(), names);
        } else if (expression instanceof CastExpr cast) {
            if (!isAllowedType(cast.getType())) {
                refuse.accept(cast.getType(), "a cast to " + cast.getTypeAsString() + " is not allowed");
            }
            expression(cast.getExpression(), names);
        } else if (expression instanceof SwitchExpr switchExpr) {
            expression(switchExpr.getSelector(), names);
            switchExpr.getEntries().forEach(entry -> switchEntry(entry, names));
        } else if (expression instanceof FieldAccessExpr field) {
            fieldAccess(field, names);
        } else if (expression instanceof MethodCallExpr call) {
            call(call, names);
        } else if (expression instanceof ObjectCreationExpr creation) {
            creation(creation, names);
        } else {
            refuse.accept(expression, describe(expression) + " is not allowed in a rule");
        }
    }

    private void name(Node at, String name, Names names) {
        if (names.variables.contains(name) || isPatternProperty(name, names)) {
            return;
        }
        refuse.accept(
                at,
                "unknown name " + name + ": only bindings ($x), params, locals and the fact's properties"
                        + " may be named");
    }

    /** {@code $member.ref}: a property of a bound value; never a class's static field or a qualified name. */
    private void fieldAccess(FieldAccessExpr field, Names names) {
        Expression root = field;
        while (root instanceof FieldAccessExpr access) {
            if (access.getNameAsString().equals("class")) {
                refuse.accept(access, "class literals are not allowed");
                return;
            }
            root = access.getScope();
        }
        if (root instanceof NameExpr name
                && (names.variables.contains(name.getNameAsString())
                        || isPatternProperty(name.getNameAsString(), names))) {
            return;
        }
        refuse.accept(
                field,
                "qualified name " + written(field) + " is not allowed: name a binding's property,"
                        + " or import an allowed class");
    }

    private void call(MethodCallExpr call, Names names) {
        String method = call.getNameAsString();
        if (!call.getTypeArguments().map(arguments -> arguments.isEmpty()).orElse(true)) {
            refuse.accept(call, "type arguments are not allowed");
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            unscopedCall(call, method, names);
        } else if (scope.get() instanceof NameExpr type
                && !names.variables.contains(type.getNameAsString())
                && !isPatternProperty(type.getNameAsString(), names)) {
            staticCall(call, type.getNameAsString(), method);
        } else {
            if (!RuleVocabulary.INSTANCE_METHODS.contains(method) && !isDeclaredAccessor(method)) {
                refuse.accept(
                        call,
                        "method " + method + " is not allowed: a rule may call the facts' own methods,"
                                + " params and the listed helpers only");
            }
            expression(scope.get(), names);
        }
        call.getArguments().forEach(argument -> expression(argument, names));
    }

    private void unscopedCall(MethodCallExpr call, String method, Names names) {
        if (functions.containsKey(method)) {
            if (names.place == Place.FUNCTION) {
                refuse.accept(call, "a function may not call a function (" + method + "): no recursion");
            }
            return;
        }
        switch (method) {
            case "insert" -> {
                if (names.place != Place.CONSEQUENCE) {
                    refuse.accept(call, "insert is allowed in a rule's consequence only");
                } else if (call.getArguments().size() != 1 || !isInsertable(call.getArgument(0), names)) {
                    refuse.accept(call, "insert takes one conclusion (Conclusion.of(...)) or one declared fact");
                }
            }
            case "modify", "update", "retract", "delete", "insertLogical" ->
                refuse.accept(call, method + " is not allowed: a rule only inserts conclusions and declared facts");
            default -> {
                if (names.place != Place.CONSTRAINT || !isPatternMethod(method, names)) {
                    refuse.accept(
                            call,
                            "unknown function " + method + ": a rule may call its fact's methods and"
                                    + " the functions of its own file");
                }
            }
        }
    }

    private void staticCall(MethodCallExpr call, String type, String method) {
        Set<String> allowed = RuleVocabulary.STATIC_CALLS.get(type);
        if (allowed == null) {
            refuse.accept(
                    call,
                    type + " is not allowed: a rule may call "
                            + RuleVocabulary.STATIC_CALLS.keySet().stream()
                                    .sorted()
                                    .toList() + " only");
        } else if (!allowed.contains(method)) {
            refuse.accept(
                    call,
                    type + "." + method + " is not allowed: of " + type + " only "
                            + allowed.stream().sorted().toList());
        } else if (type.equals("Conclusion")) {
            conclusionOf(call);
        }
    }

    /** A conclusion's type and value are literals, so that the catalogue check reads what the rule will draw. */
    private void conclusionOf(MethodCallExpr call) {
        if (call.getArguments().size() != 3
                || !(call.getArgument(0) instanceof StringLiteralExpr)
                || !(call.getArgument(2) instanceof StringLiteralExpr)) {
            refuse.accept(
                    call,
                    "Conclusion.of takes the type and the value as text in quotes"
                            + " (Conclusion.of(\"TYPE\", subject, \"VALUE\")), never computed");
        }
    }

    private void creation(ObjectCreationExpr creation, Names names) {
        String type = creation.getTypeAsString();
        if (creation.getAnonymousClassBody().isPresent()) {
            refuse.accept(creation, "anonymous classes are not allowed");
        } else if (creation.getScope().isPresent()
                || creation.getTypeArguments().isPresent()) {
            refuse.accept(creation, "new " + type + " is not allowed");
        } else if (!declaredTypes.containsKey(type) && !RuleVocabulary.CONSTRUCTIBLE.contains(type)) {
            refuse.accept(
                    creation,
                    "new " + type + " is not allowed: a rule makes declared facts"
                            + (declaredTypes.isEmpty() ? "" : " (" + String.join(", ", declaredTypes.keySet()) + ")")
                            + " and Text only");
        }
        creation.getArguments().forEach(argument -> expression(argument, names));
    }

    private boolean isInsertable(Expression inserted, Names names) {
        if (inserted instanceof ObjectCreationExpr creation) {
            return declaredTypes.containsKey(creation.getTypeAsString());
        }
        if (inserted instanceof NameExpr local) {
            String type = names.localTypes.get(local.getNameAsString());
            return type != null && (type.equals("Conclusion") || declaredTypes.containsKey(type));
        }
        if (inserted instanceof MethodCallExpr call) {
            return isConclusionChain(call)
                    || (call.getScope().isEmpty() && declaredTypes.containsKey(functions.get(call.getNameAsString())));
        }
        return false;
    }

    /**
     * {@code Conclusion.of(...)}, or a function of the file returning a conclusion, followed by any number of
     * {@code .detail(...)} and {@code .because(...)}.
     */
    private boolean isConclusionChain(MethodCallExpr call) {
        MethodCallExpr current = call;
        while (current.getNameAsString().equals("detail")
                || current.getNameAsString().equals("because")) {
            if (!(current.getScope().orElse(null) instanceof MethodCallExpr inner)) {
                return false;
            }
            current = inner;
        }
        if (current.getScope().isEmpty()) {
            return "Conclusion".equals(functions.get(current.getNameAsString()));
        }
        return current.getNameAsString().equals("of")
                && current.getScope().get() instanceof NameExpr type
                && type.getNameAsString().equals("Conclusion");
    }

    private boolean isPatternProperty(String name, Names names) {
        if (names.place != Place.CONSTRAINT || names.patternType == null) {
            return false;
        }
        if (name.equals("this")) {
            return true;
        }
        Set<String> fields = declaredTypes.get(names.patternType);
        if (fields != null) {
            return fields.contains(name);
        }
        return RuleVocabulary.isPropertyOf(names.patternType, name);
    }

    private boolean isPatternMethod(String method, Names names) {
        if (names.patternType == null) {
            return false;
        }
        Set<String> fields = declaredTypes.get(names.patternType);
        if (fields != null) {
            return fields.stream().anyMatch(field -> method.equals("get" + RuleVocabulary.capitalised(field)));
        }
        return RuleVocabulary.isMethodOf(names.patternType, method);
    }

    private boolean isDeclaredAccessor(String method) {
        return declaredTypes.values().stream()
                .flatMap(Set::stream)
                .anyMatch(field -> method.equals("get" + RuleVocabulary.capitalised(field))
                        || method.equals("is" + RuleVocabulary.capitalised(field)));
    }

    /** {@code java.lang.System} as written, without printing the node (Drools' nodes do not print). */
    private static String written(Expression expression) {
        if (expression instanceof FieldAccessExpr access) {
            return written(access.getScope()) + "." + access.getNameAsString();
        }
        return expression instanceof NameExpr name ? name.getNameAsString() : "(…)";
    }

    /** The text a refused node starts with, to find it in the file: a name, a keyword, an operator. */
    static String token(Node node) {
        if (node instanceof MethodCallExpr call) {
            return call.getScope()
                    .filter(NameExpr.class::isInstance)
                    .map(scope -> ((NameExpr) scope).getNameAsString())
                    .orElse(call.getNameAsString());
        }
        if (node instanceof FieldAccessExpr field) {
            Expression root = field;
            while (root instanceof FieldAccessExpr access) {
                root = access.getScope();
            }
            return root instanceof NameExpr name ? name.getNameAsString() : field.getNameAsString();
        }
        if (node instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (node instanceof ObjectCreationExpr creation) {
            return creation.getType().getNameAsString();
        }
        if (node instanceof Type type) {
            return type.asString().replaceAll("<.*$", "");
        }
        if (node instanceof CastExpr cast) {
            return cast.getType().asString();
        }
        return switch (node.getClass().getSimpleName()) {
            case "ForStmt", "ForEachStmt" -> "for";
            case "WhileStmt" -> "while";
            case "DoStmt" -> "do";
            case "ThrowStmt" -> "throw";
            case "TryStmt" -> "try";
            case "SynchronizedStmt" -> "synchronized";
            case "ModifyStatement" -> "modify";
            case "WithStatement" -> "with";
            case "LambdaExpr" -> "->";
            case "MethodReferenceExpr" -> "::";
            case "ClassExpr" -> ".class";
            case "ReturnStmt" -> "return";
            case "ArrayCreationExpr" -> "new";
            case "LocalClassDeclarationStmt" -> "class";
            default -> null;
        };
    }

    /** A construct named as a policy author would recognise it: "a lambda", "a try block". */
    static String describe(Node node) {
        String simple = node.getClass().getSimpleName().replaceAll("(Stmt|Expr|Expression|Statement)$", "");
        String spaced = simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return switch (spaced) {
            case "lambda" -> "a lambda";
            case "method reference" -> "a method reference";
            case "class" -> "a class literal";
            case "try" -> "try/catch";
            case "throw" -> "throw";
            case "synchronized" -> "synchronized";
            case "this", "super" -> spaced;
            default -> spaced.isEmpty() ? "this construct" : spaced;
        };
    }
}
