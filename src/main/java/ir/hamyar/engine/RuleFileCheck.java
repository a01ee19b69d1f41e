package ir.hamyar.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;

/**
 * The DRL subset a person may write (contract v1.2, "Who may write what in a ruleset"; docs/rules-authoring.md):
 * every {@code .drl} of a tree is parsed with Drools' own parsers, and every import, global, declared type, function,
 * rule attribute, condition and consequence is checked against {@link RuleVocabulary} before anything is compiled.
 * Drools since version 8 has no sandbox, and what the executable model compiles runs with the service's privileges:
 * this check, not the compiler, is what keeps a rule file data. Each refusal is reported at its file, line and column.
 */
public final class RuleFileCheck {

    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop");
    private static final Set<String> RULE_ANNOTATIONS = Set.of(
            RuleCompiler.REASON_FA,
            RuleCompiler.REASON_EN,
            RuleCompiler.REFERENCE,
            RuleCompiler.PROVENANCE,
            RuleCompiler.PROGRAMME,
            RuleCompiler.WORDS,
            RuleCompiler.WHY_FA,
            RuleCompiler.WHY_EN);
    /** Java turns {@code \}{@code uXXXX} into characters before it parses, so what it compiles is not what was read. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    private RuleFileCheck() {}

    /** Every construct of the tree's rule files outside the subset; empty when all of them are inside it. */
    public static List<CompileProblem> check(RuleTree tree) {
        List<CompileProblem> problems = new ArrayList<>();
        Map<String, Declarations> packages = new HashMap<>();
        List<OneFile> parsed = new ArrayList<>();
        for (String path : tree.pathsEndingWith(RuleTree.RULE_SUFFIX)) {
            OneFile file = new OneFile(path, tree.text(path), problems);
            if (file.parse()) {
                file.declare(packages.computeIfAbsent(file.packageName(), name -> new Declarations()));
                parsed.add(file);
            }
        }
        for (OneFile file : parsed) {
            try {
                file.check(packages.get(file.packageName()));
            } catch (RuntimeException e) {
                problems.add(new CompileProblem(
                        file.path,
                        1,
                        1,
                        "cannot be checked against the allowed subset ("
                                + e.getClass().getSimpleName() + "): refused"));
            }
        }
        return problems;
    }

    /** What the files of one package declare, which every file of it may use: types with their fields, functions. */
    private static final class Declarations {
        final Map<String, Set<String>> types = new LinkedHashMap<>();
        final Map<String, String> functions = new LinkedHashMap<>();
    }

    /** The check of one file: its text, where its problems go, and what its package declares. */
    private static final class OneFile {

        private final String path;
        private final String text;
        private final List<CompileProblem> problems;
        private PackageDescr drl;
        private Map<String, Set<String>> declaredTypes = Map.of();
        private Map<String, String> functions = Map.of();

        OneFile(String path, String text, List<CompileProblem> problems) {
            this.path = path;
            this.text = text;
            this.problems = problems;
        }

        /** Parses the file with Drools' parser; false when it is refused already or does not parse. */
        boolean parse() {
            Matcher escape = UNICODE_ESCAPE.matcher(text);
            if (escape.find()) {
                refuseAt(escape.start(), "\\u escapes are not allowed: write the character itself");
                return false;
            }
            DrlParser parser = new DrlParser();
            try {
                drl = parser.parse(false, text);
            } catch (DroolsParserException e) {
                problems.add(new CompileProblem(path, 1, 1, "cannot be read as DRL: " + e.getMessage()));
                return false;
            }
            // a syntax error is the compiler's to report, with its place; nothing of the file runs either way
            return !parser.hasErrors() && drl != null;
        }

        String packageName() {
            return String.valueOf(drl.getNamespace());
        }

        void declare(Declarations declarations) {
            declaredTypes = declarations.types;
            functions = declarations.functions;
            drl.getTypeDeclarations().forEach(this::declaredType);
            drl.getFunctions().forEach(function -> functions.put(function.getName(), function.getReturnType()));
        }

        void check(Declarations declarations) {
            declaredTypes = declarations.types;
            functions = declarations.functions;
            packageLevel(drl);
            drl.getFunctions().forEach(this::function);
            drl.getRules().forEach(this::rule);
        }

        private void packageLevel(PackageDescr drl) {
            for (ImportDescr imported : drl.getImports()) {
                String target = imported.getTarget();
                if (!RuleVocabulary.isFactImport(target) && !RuleVocabulary.OTHER_IMPORTS.contains(target)) {
                    refuse(
                            imported,
                            "import " + target + " is not allowed: import the facts (" + RuleVocabulary.FACTS_PACKAGE
                                    + ".*), "
                                    + String.join(
                                            ", ",
                                            RuleVocabulary.OTHER_IMPORTS.stream()
                                                    .sorted()
                                                    .toList()));
                }
            }
            drl.getFunctionImports().forEach(imported -> refuse(imported, "import function is not allowed"));
            drl.getAccumulateImports().forEach(imported -> refuse(imported, "import accumulate is not allowed"));
            drl.getAttributes()
                    .forEach(attribute ->
                            refuse(attribute, "a package attribute (" + attribute.getName() + ") is not allowed"));
            for (GlobalDescr global : drl.getGlobals()) {
                String type = global.getType();
                boolean params = global.getIdentifier().equals(RuleCompiler.PARAMS_GLOBAL)
                        && (type.equals(RuleVocabulary.PARAMS_TYPE)
                                || type.equals(RuleVocabulary.FACTS_PACKAGE + "." + RuleVocabulary.PARAMS_TYPE));
                if (!params) {
                    refuse(
                            global,
                            "global " + type + " " + global.getIdentifier() + " is not allowed: the one"
                                    + " global is 'global Parameters params'");
                }
            }
            drl.getEnumDeclarations().forEach(declared -> refuse(declared, "declare enum is not allowed"));
            drl.getEntryPointDeclarations().forEach(declared -> refuse(declared, "entry points are not allowed"));
            drl.getWindowDeclarations().forEach(declared -> refuse(declared, "windows are not allowed"));
            if (drl.getUnit() != null) {
                refuse(drl.getUnit(), "rule units are not allowed");
            }
        }

        private void declaredType(TypeDeclarationDescr declared) {
            String name = declared.getTypeName();
            if (RuleVocabulary.FACTS.containsKey(name)
                    || RuleVocabulary.VALUE_TYPES.contains(name)
                    || RuleVocabulary.STATIC_CALLS.containsKey(name)
                    || name.contains(".")) {
                refuse(declared, "declare " + name + " is not allowed: it names an existing class");
                return;
            }
            if (!declared.getSuperTypes().isEmpty()) {
                refuse(declared, "a declared type may not extend another (" + declared.getSuperTypes() + ")");
            }
            if (!declared.getAnnotations().isEmpty()) {
                refuse(declared, "annotations on a declared type are not allowed");
            }
            Set<String> fields = new HashSet<>();
            for (TypeFieldDescr field : declared.getFields().values()) {
                fields.add(field.getFieldName());
                String type = field.getPattern().getObjectType();
                if (field.getInitExpr() != null) {
                    refuse(field, "a field's initial value is not allowed");
                }
                if (!field.getAnnotations().isEmpty()) {
                    refuse(field, "annotations on a field are not allowed");
                }
                if (!RuleVocabulary.isAllowedType(type, declaredTypes)) {
                    refuse(field, "field type " + type + " is not allowed: " + RuleVocabulary.ALLOWED_TYPES);
                }
            }
            declaredTypes.put(name, fields);
        }

        private void function(FunctionDescr function) {
            if (!RuleVocabulary.isAllowedType(function.getReturnType(), declaredTypes)) {
                refuse(function, "function " + function.getName() + " may not return " + function.getReturnType());
            }
            Set<String> parameters = new HashSet<>(function.getParameterNames());
            for (String type : function.getParameterTypes()) {
                if (!RuleVocabulary.isAllowedType(type, declaredTypes)) {
                    refuse(function, "function " + function.getName() + " may not take a " + type);
                }
            }
            Snippet body = Snippet.in(text, function.getBody(), function.getStartCharacter(), "{", "}");
            javaBlock(body, new JavaSubset.Names(JavaSubset.Place.FUNCTION, parameters, null));
        }

        private void rule(RuleDescr rule) {
            if (rule instanceof QueryDescr) {
                refuse(rule, "queries are not allowed");
                return;
            }
            if (rule.getParentName() != null) {
                refuse(rule, "a rule may not extend another");
            }
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "named consequences are not allowed");
            }
            attributes(rule);
            annotations(rule);
            Set<String> bound = new HashSet<>(Set.of(RuleCompiler.PARAMS_GLOBAL));
            lhs(rule.getLhs(), bound);
            if (!(rule.getConsequence() instanceof String consequence)) {
                return;
            }
            Snippet then = Snippet.in(text, consequence, rule.getStartCharacter(), "{", "}");
            javaBlock(then, new JavaSubset.Names(JavaSubset.Place.CONSEQUENCE, bound, null));
        }

        private void attributes(RuleDescr rule) {
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                if (!RULE_ATTRIBUTES.contains(attribute.getName())) {
                    refuse(
                            attribute,
                            "rule attribute " + attribute.getName() + " is not allowed: only salience"
                                    + " and no-loop");
                } else if (attribute.getName().equals("salience") && !isInteger(attribute.getValue())) {
                    refuse(attribute, "salience must be a whole number");
                }
            }
        }

        private void annotations(RuleDescr rule) {
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                if (!RULE_ANNOTATIONS.contains(annotation.getName())) {
                    refuse(
                            rule,
                            "annotation @" + annotation.getName() + " is not allowed: a rule carries"
                                    + " @reasonFa, @reasonEn, @reference and its provenance (@provenance with"
                                    + " @programme and @words, or with @whyFa and @whyEn)");
                } else if (!(annotation.getValue() instanceof String value)
                        || !isStringLiteral(value)
                        || annotation.getValueMap().size() != 1) {
                    refuse(rule, "@" + annotation.getName() + " must be one text in quotes");
                }
            }
        }

        private void lhs(BaseDescr element, Set<String> bound) {
            if (element instanceof AndDescr
                    || element instanceof OrDescr
                    || element instanceof NotDescr
                    || element instanceof ExistsDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
                    lhs(child, bound);
                }
            } else if (element instanceof ForallDescr forall) {
                forall.getDescrs().forEach(child -> lhs(child, bound));
            } else if (element instanceof PatternDescr pattern) {
                pattern(pattern, bound);
            } else if (element instanceof EvalDescr eval && eval.getContent() instanceof String content) {
                Snippet condition = Snippet.in(text, content, eval.getStartCharacter(), "", "");
                javaExpression(condition, new JavaSubset.Names(JavaSubset.Place.EVAL, bound, null), false);
            } else {
                refuse(element, describe(element) + " is not allowed in a condition");
            }
        }

        private void pattern(PatternDescr pattern, Set<String> bound) {
            String type = pattern.getObjectType();
            BaseDescr source = pattern.getSource();
            if (source instanceof AccumulateDescr accumulate) {
                accumulate(accumulate, bound);
            } else if (source != null) {
                refuse(pattern, describe(source) + " is not allowed: patterns match the facts of" + " the decision");
            }
            boolean accumulated = source instanceof AccumulateDescr && type.equals("Object");
            if (!accumulated && !RuleVocabulary.FACTS.containsKey(type) && !declaredTypes.containsKey(type)) {
                refuse(
                        pattern,
                        "pattern " + type + " is not allowed: match the facts ("
                                + String.join(
                                        ", ",
                                        RuleVocabulary.FACTS.keySet().stream()
                                                .sorted()
                                                .toList()) + ") or a declared type");
            }
            if (!pattern.getBehaviors().isEmpty()) {
                refuse(pattern, "windows are not allowed");
            }
            if (pattern.getIdentifier() != null) {
                bound.add(pattern.getIdentifier());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    Snippet snippet =
                            Snippet.in(text, expression.getExpression(), expression.getStartCharacter(), "", "");
                    JavaSubset.Names names =
                            new JavaSubset.Names(JavaSubset.Place.CONSTRAINT, bound, accumulated ? null : type);
                    javaExpression(snippet, names, true);
                    bound.addAll(names.variables);
                } else {
                    refuse(constraint, describe(constraint) + " is not allowed in a pattern");
                }
            }
        }

        private void accumulate(AccumulateDescr accumulate, Set<String> bound) {
            if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null) {
                refuse(
                        accumulate,
                        "accumulate with its own code is not allowed: use count, sum, min, max, average,"
                                + " collectList or collectSet");
                return;
            }
            lhs(accumulate.getInput(), bound);
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!RuleVocabulary.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    refuse(
                            accumulate,
                            "accumulate function " + function.getFunction() + " is not allowed: use "
                                    + String.join(
                                            ", ",
                                            RuleVocabulary.ACCUMULATE_FUNCTIONS.stream()
                                                    .sorted()
                                                    .toList()));
                }
                for (String parameter : function.getParams()) {
                    Snippet snippet = Snippet.in(text, parameter, accumulate.getStartCharacter(), "", "");
                    javaExpression(snippet, new JavaSubset.Names(JavaSubset.Place.ACCUMULATE, bound, null), false);
                }
                if (function.getBind() != null) {
                    bound.add(function.getBind());
                }
            }
        }

        private void javaBlock(Snippet snippet, JavaSubset.Names names) {
            BlockStmt block;
            try {
                block = MvelParser.parseBlock(snippet.parsed());
            } catch (RuntimeException e) {
                refuseAt(snippet.start(), "cannot be read as the allowed subset of Java: " + firstLine(e));
                return;
            }
            java(snippet).block(block, names);
        }

        private void javaExpression(Snippet snippet, JavaSubset.Names names, boolean drlx) {
            Expression expression;
            try {
                expression = drlx
                        ? DrlxParser.<DrlxExpression>parseExpression(
                                DrlxParser.buildDrlxParserWithArguments(Set.of()), snippet.parsed())
                        : MvelParser.parseExpression(snippet.parsed());
            } catch (RuntimeException e) {
                refuseAt(snippet.start(), "cannot be read as the allowed subset of Java: " + firstLine(e));
                return;
            }
            java(snippet).expression(expression, names);
        }

        private void refuse(BaseDescr at, String message) {
            problems.add(new CompileProblem(path, Math.max(at.getLine(), 1), Math.max(at.getColumn() + 1, 1), message));
        }

        private void refuseAt(int offset, String message) {
            problems.add(new CompileProblem(path, TreeYaml.lineOf(text, offset), columnOf(offset), message));
        }

        /** The subset's check of one snippet, its refusals placed in the file. */
        private JavaSubset java(Snippet snippet) {
            return new JavaSubset(
                    declaredTypes,
                    functions,
                    (Node node, String message) -> refuseAt(snippet.offsetOf(JavaSubset.token(node)), message));
        }

        private int columnOf(int offset) {
            int lineStart = text.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1;
            return offset - lineStart + 1;
        }
    }

    private static boolean isInteger(String value) {
        try {
            Expression expression = MvelParser.parseExpression(value.strip());
            return expression instanceof IntegerLiteralExpr
                    || (expression instanceof UnaryExpr unary
                            && unary.getOperator() == UnaryExpr.Operator.MINUS
                            && unary.getExpression() instanceof IntegerLiteralExpr);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isStringLiteral(String value) {
        try {
            return MvelParser.parseExpression(value.strip()) instanceof StringLiteralExpr;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A condition element named as DRL writes it: "from", "collect", "entry-point". */
    private static String describe(BaseDescr element) {
        String simple = element.getClass().getSimpleName().replaceAll("Descr$", "");
        return switch (simple) {
            case "From" -> "from";
            case "Collect" -> "collect";
            case "EntryPoint" -> "entry-point";
            case "ConditionalBranch" -> "if/else branches";
            case "NamedConsequence" -> "named consequences";
            case "WindowReference" -> "windows";
            default -> simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message).strip();
    }

    /** A piece of a file handed to a Java parser, and how to find a position of the parsed text in the file. */
    record Snippet(String text, int start, String prefix, String suffix) {

        /** The snippet where it is first found in the file from {@code from} on (or at {@code from}, if not found). */
        static Snippet in(String file, String snippet, int from, String prefix, String suffix) {
            int found = file.indexOf(snippet, Math.max(from, 0));
            return new Snippet(snippet, found < 0 ? Math.max(from, 0) : found, prefix, suffix);
        }

        String parsed() {
            return prefix + text + suffix;
        }

        /**
         * Where in the file {@code token} first stands in the snippet (Drools' Java parser keeps no positions); the
         * snippet's start when it is not found.
         */
        int offsetOf(String token) {
            if (token == null || token.isEmpty()) {
                return start + leadingSpace();
            }
            String boundary = Character.isJavaIdentifierStart(token.charAt(0)) ? "\\b" : "";
            Matcher found =
                    Pattern.compile(boundary + Pattern.quote(token) + boundary).matcher(text);
            return start + (found.find() ? found.start() : leadingSpace());
        }

        private int leadingSpace() {
            int skipped = 0;
            while (skipped < text.length() && Character.isWhitespace(text.charAt(skipped))) {
                skipped++;
            }
            return skipped;
        }
    }
}
