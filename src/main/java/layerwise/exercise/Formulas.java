package layerwise.exercise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import layerwise.explain.Derivation;
import layerwise.explain.Derivation.Line;
import layerwise.explain.Expr;

/** Quotes the library's formulas in feedback and hints: each Expr prints itself; nothing is worked out here. */
final class Formulas {
    /** What a symbol in a formula stands for, to name a forgotten factor or a wrong axis in words. */
    static final Map<String, String> MEANING = Map.of(
            "C_in", "the input channels: every filter spans all of them",
            "K_h", "the kernel height", "K_w", "the kernel width", "K", "the kernel size",
            "F", "the number of filters", "units", "the number of units",
            "d_in", "the size of the last input axis, the only one Dense connects");

    private Formulas() {}

    /** "the number of filters, F = 16" for a bare symbol with a meaning; otherwise the worked line. */
    static String inWords(Line line) {
        if (line.expr() instanceof Expr.Var v && MEANING.containsKey(v.symbol())) {
            return MEANING.get(v.symbol()) + ": " + line(line);
        }
        return line(line);
    }

    /** "C_out = F = 16 (one output channel per filter)": the line's formula, its numbers and its note. */
    static String line(Line line) {
        String f = worked(line.lhs(), line.expr());
        return line.note().isEmpty() ? f : f + " (" + line.note() + ")";
    }

    /** "O = (W − K + 2P)/S + 1 = (150 − 3 + 2·0)/1 + 1 = 148", each form once. */
    static String worked(String lhs, Expr e) {
        Set<String> parts = new LinkedHashSet<>();
        if (!lhs.isEmpty()) parts.add(lhs);
        parts.add(e.symbolic());
        parts.add(e.numeric());
        parts.add(String.format("%,d", e.value()));
        return String.join(" = ", parts);
    }

    /** "O = (W − K + 2P)/S + 1": the rule with symbols only, as a hint that does not give the number away. */
    static String symbolic(String lhs, Expr e) {
        return lhs.isEmpty() ? e.symbolic() : lhs + " = " + e.symbolic();
    }

    /** Hints from a derivation: its notes in words, then the symbolic formulas of the lines of one kind. */
    static List<String> hints(Derivation d, Line.Kind kind) {
        List<String> notes = new ArrayList<>(), rules = new ArrayList<>();
        for (Line line : d.lines()) {
            if (line.kind() == Line.Kind.NOTE) notes.add(line.note());
            if (line.kind() == kind) {
                String rule = line.label() + ": " + symbolic(line.lhs(), line.expr());
                if (!rules.contains(rule)) rules.add(rule);
            }
        }
        List<String> hints = new ArrayList<>();
        if (!notes.isEmpty()) hints.add(d.label() + ": " + String.join("; ", notes));
        if (!rules.isEmpty()) hints.add(String.join("; ", rules));
        return hints;
    }

    /** "rows and cols", "rows, cols and channels". */
    static String and(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
