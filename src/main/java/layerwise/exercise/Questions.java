package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import layerwise.error.NnException;
import layerwise.explain.Derivation;
import layerwise.explain.Derivation.Line;
import layerwise.explain.Expr;
import layerwise.explain.TextRenderer;
import layerwise.model.ReceptiveField;
import layerwise.ndarray.Shape;

/**
 * Makes the exercises of one model. Every expected value is read from the model's derivations; the
 * known wrong answers are worked out by deriving the same model with one setting changed (padding,
 * stride), so even the mistakes come from the library's own rules.
 */
final class Questions {
    private final ModelSpec spec;
    private final List<Derivation> derivations;
    private final String code;

    Questions(ModelSpec spec) {
        this.spec = spec;
        this.derivations = spec.build().derivations();
        this.code = spec.code();
    }

    /** For a model that cannot be written as a spec: no library-made mistakes, the rest the same. */
    Questions(layerwise.model.Model model) { this(null, model.derivations()); }

    /** The questions on these derivations (a model's own layer names); {@code spec}, if not null, gives the known mistakes. */
    Questions(ModelSpec spec, List<Derivation> derivations) {
        this.spec = spec;
        this.derivations = List.copyOf(derivations);
        this.code = spec == null ? "" : spec.code();
    }

    String code() { return code; }

    Derivation layer(int i) { return derivations.get(i); }

    int size() { return derivations.size(); }

    ShapeExercise outputShape(String id, int i, BatchAxis batch) {
        Derivation d = layer(i);
        String how = batch == BatchAxis.REQUIRED ? " as model.summary() prints it (with the batch axis)" : "";
        return ShapeExercise.output(id, "What is the output shape of " + d.label() + how + "?", code, d, batch, shapeMistakes(i));
    }

    CountExercise params(String id, int i) {
        Derivation d = layer(i);
        Line line = line(d, Line.Kind.PARAMS).orElseThrow();
        List<String> names = new ArrayList<>();
        List<Expr> terms = line.expr().terms();
        for (int t = 0; t < terms.size(); t++) {
            boolean bias = t == terms.size() - 1 && terms.size() > 1 && terms.get(t) instanceof Expr.Var;
            names.add(bias ? "bias terms" : "weights");
        }
        return new CountExercise(id, "How many parameters does " + d.label() + " have (its Param # in summary())?", code,
                line.expr(), names, paramMistakes(i), TextRenderer.layer(d).stripTrailing(), Formulas.hints(d, Line.Kind.PARAMS),
                terms.size());
    }

    /** The length of the vector Flatten makes: the one DIM line of the Flatten derivation. */
    CountExercise flatSize(String id, int i) {
        Derivation d = layer(i);
        Line line = line(d, Line.Kind.DIM).orElseThrow();
        return new CountExercise(id, "How many numbers per sample does " + d.label() + " output?", code, line.expr(),
                List.of("elements"), List.of(), TextRenderer.layer(d).stripTrailing(), Formulas.hints(d, Line.Kind.DIM), 1);
    }

    /** The total zeros a 'same' layer adds along one axis: the P_total step after that axis's DIM line. */
    CountExercise padding(String id, int i, String axis) {
        Derivation d = layer(i);
        List<Line> lines = d.lines();
        Line total = null;
        for (int k = 0; k < lines.size() - 1; k++) {
            if (lines.get(k).kind() == Line.Kind.DIM && lines.get(k).label().equals(axis)) total = lines.get(k + 1);
        }
        if (total == null || !total.lhs().equals("P_total")) throw new IllegalArgumentException(d.label() + " has no 'same' padding along " + axis);
        long p = total.expr().value();
        List<Mistake<Long>> mistakes = p % 2 == 0 && p > 0
                ? List.of(new Mistake<>(p / 2, "that is the padding on one side; the question asks for both sides together ("
                        + total.note() + ")"))
                : List.of();
        return new CountExercise(id, "How many zeros in total does padding 'same' add along " + axis + " in " + d.label() + "?",
                code, total.expr(), List.of("zeros"), mistakes, TextRenderer.layer(d).stripTrailing(),
                List.of("'same' keeps ⌈W/S⌉ positions; the windows at those positions reach past the edge by the padding.",
                        "P_total = " + total.expr().symbolic()), 1);
    }

    /** "Was its padding 'same' or 'valid'?", from the shapes; a wrong choice is told what that rule would give. */
    ChoiceExercise sameOrValid(String id, int i) {
        Derivation d = layer(i);
        String right = d.lines().stream().anyMatch(l -> l.lhs().equals("P_total")) ? "same" : "valid", other = right.equals("same") ? "valid" : "same";
        String why = "with '" + other + "' the output would differ; this layer's rule is " + firstDim(d);
        if (spec != null && spec.layers().get(i) instanceof LayerSpec.Conv c) {
            why = variant(i, c.withPadding(other)).map(v -> paddingNote(d, v, other)).orElse(why);
        }
        return new ChoiceExercise(id, d.label() + " maps " + d.inputs().get(0).withBatch() + " to " + d.output().withBatch()
                + ". Was its padding 'same' or 'valid'?", code, right, java.util.Map.of(other, why), TextRenderer.layer(d).stripTrailing(),
                List.of("'valid' uses only whole windows inside the input; 'same' adds zeros so that the size is ⌈W/S⌉."), 1);
    }

    /** The receptive field along rows by model/ReceptiveField's rule, a term per conv or pooling layer for credit. */
    CountExercise receptiveField(String id, int i) {
        List<String> names = new ArrayList<>(List.of("(the position itself)")), layers = new ArrayList<>();
        List<ReceptiveField.Window> windows = new ArrayList<>();
        for (int k = 0; k <= i; k++) {
            if (spec.layers().get(k) instanceof LayerSpec.Conv c) windows.add(new ReceptiveField.Window(c.kernel(), c.stride(), 1));
            else if (spec.layers().get(k) instanceof LayerSpec.Pool p) windows.add(new ReceptiveField.Window(p.pool(), p.pool(), 1));
            else continue;
            layers.add(derivations.get(k).layerName());
            names.add("from " + derivations.get(k).layerName());
        }
        ReceptiveField.Rule rf = ReceptiveField.rule(windows);
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= windows.size(); n++) {
            text.append(String.format("%-16s K_%d = %d, j_%d = %d, adds %s%n", layers.get(n - 1), n, windows.get(n - 1).k(), n,
                    rf.jumps().get(n - 1), Formulas.worked("", rf.terms().get(n - 1))));
        }
        text.append("r = ").append(Formulas.worked("", rf.size()));
        return new CountExercise(id, "How many input rows does one output position of " + layer(i).label()
                + " see (its receptive field along rows)?", code, rf.size(), names,
                List.of(new Mistake<>(rf.withoutJumps(), "after a layer with stride S, each step of the next window moves S input "
                        + "positions: multiply (K − 1) by the jump j")),
                text.toString(), List.of("Each layer widens the field by (K − 1) steps; a step is j input positions, and j grows by "
                        + "the stride of every layer before.", "r = 1 + Σ (K_i − 1)×j_i, with j_1 = 1 and j_(i+1) = j_i×S_i"), 2);
    }

    private List<Mistake<Shape>> shapeMistakes(int i) {
        List<Mistake<Shape>> out = new ArrayList<>();
        Derivation d = layer(i);
        if (d.inputs().get(0).rank() > 1 && d.layerType().equals("Dense")) {
            String note = line(d, Line.Kind.NOTE).map(Line::note).orElse("");
            out.add(new Mistake<>(Shape.of(d.output().last()), note));
        }
        if (spec == null) return out;
        LayerSpec l = spec.layers().get(i);
        if (l instanceof LayerSpec.Conv c) {
            String other = c.padding().equals("valid") ? "same" : "valid";
            variant(i, c.withPadding(other)).ifPresent(v -> out.add(new Mistake<>(v.output(), paddingNote(d, v, other))));
            if (c.stride() > 1) {
                variant(i, c.withStride(1)).ifPresent(v -> out.add(new Mistake<>(v.output(),
                        "you left out the stride: with S = " + c.stride() + " the window jumps " + c.stride()
                                + " positions at a time, so " + firstDim(d))));
            }
        }
        if (l instanceof LayerSpec.Pool p) {
            String other = p.padding().equals("valid") ? "same" : "valid";
            variant(i, new LayerSpec.Pool(p.pool(), other)).ifPresent(v -> out.add(new Mistake<>(v.output(), paddingNote(d, v, other))));
        }
        return out;
    }

    private String paddingNote(Derivation d, Derivation wrong, String wrongPadding) {
        String right = wrongPadding.equals("same") ? "valid" : "same";
        return "you used the '" + wrongPadding + "' rule (" + firstDim(wrong) + "); this layer has padding '" + right
                + "', so " + firstDim(d);
    }

    private static String firstDim(Derivation d) {
        return line(d, Line.Kind.DIM).map(l -> l.label() + ": " + Formulas.worked(l.lhs(), l.expr())).orElse("");
    }

    private List<Mistake<Long>> paramMistakes(int i) {
        Derivation d = layer(i);
        if (spec == null || !d.layerType().equals("Dense") || d.inputs().get(0).rank() < 2) return List.of();
        // The classic belief: Dense connects every input number. The library derives Dense on the flattened input.
        long all = d.inputs().get(0).size();
        List<Mistake<Long>> out = new ArrayList<>();
        Questions flat = new Questions(new ModelSpec(new long[] {all}, List.of(spec.layers().get(i))));
        out.add(new Mistake<>(flat.layer(0).trainableParams(), "Dense connects only the last axis (size "
                + d.inputs().get(0).last() + "), not all " + all + " numbers of a sample: "
                + line(d, Line.Kind.NOTE).map(Line::note).orElse("")));
        return out;
    }

    private Optional<Derivation> variant(int i, LayerSpec changed) {
        try {
            return Optional.of(spec.withLayer(i, changed).build().derivations().get(i));
        } catch (NnException e) {
            return Optional.empty();
        }
    }

    static Optional<Line> line(Derivation d, Line.Kind kind) {
        return d.lines().stream().filter(l -> l.kind() == kind).findFirst();
    }
}
