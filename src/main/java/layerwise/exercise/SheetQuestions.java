package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import layerwise.explain.Derivation;
import layerwise.explain.Derivation.Line;
import layerwise.explain.Expr;
import layerwise.explain.TextRenderer;
import layerwise.model.Summary;
import layerwise.ndarray.Shape;

/** Turns one question of a sheet file into an exercise, with an explained error for anything it cannot use. */
final class SheetQuestions {
    /** The kinds of question a sheet file can ask, each answered from the model's own derivations. */
    static final List<String> KINDS = List.of("output_shape", "params", "total_params", "receptive_field", "missing_layer", "fixed",
            "padding", "same_or_valid", "macs", "activation_memory", "flat_size", "input_shape");
    private static final Set<String> FIELDS = Set.of("id", "ask", "layer", "points", "model", "prompt", "batch", "remove", "answers",
            "hashes", "hint", "axis");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final SheetFile sheet;
    private final String path;
    private final JsonObject q;
    private final SheetModels models;

    private SheetQuestions(SheetFile sheet, String path, JsonObject q, SheetModels models) {
        this.sheet = sheet;
        this.path = path;
        this.q = q;
        this.models = models;
    }

    static Exercise make(SheetFile sheet, String path, JsonElement e, SheetModels models) {
        if (!e.isJsonObject()) {
            throw sheet.json().wrong(path, "Each question is a JSON object.", "{\"id\": \"conv-shape\", \"ask\": \"output_shape\", \"layer\": \"conv2d\"}",
                    e.toString(), "write the question in { }");
        }
        return new SheetQuestions(sheet, path, e.getAsJsonObject(), models).make();
    }

    private Exercise make() {
        for (String f : q.keySet()) {
            if (!FIELDS.contains(f)) throw sheet.json().wrong(path + "." + f, "Unknown field '" + f + "' in a question.",
                    "one of " + new java.util.TreeSet<>(FIELDS), "'" + f + "'", "check the spelling");
        }
        String id = sheet.text(path + ".id", q.get("id"), true);
        if (!ID.matcher(id).matches()) throw sheet.json().wrong(path + ".id", "A question id is one word.",
                "letters, digits, '-', '_' or '.', such as \"conv2-shape\"", "\"" + id + "\"", "students type it in sheet.check(\"ID\", …)");
        String ask = sheet.text(path + ".ask", q.get("ask"), true);
        if (!KINDS.contains(ask)) throw sheet.json().wrong(path + ".ask", "Unknown kind of question '" + ask + "'.", "one of " + KINDS,
                "\"" + ask + "\"", "pick the kind whose answer the library can work out");
        Exercise e = kind(id, ask);
        if (!q.has("points")) return e;
        double points = q.get("points").getAsDouble();
        if (points <= 0) throw sheet.json().wrong(path + ".points", "Points must be above 0.", "a number such as 2 or 0.5",
                q.get("points").toString(), "leave \"points\" out to give one point per axis or term");
        return points == e.max() ? e : new Weighted(e, points);
    }

    private Exercise kind(String id, String ask) {
        if (ask.equals("fixed")) return fixed(id);
        SheetModels.Built m = models.model(path, sheet.text(path + ".model", q.get("model"), false));
        Questions qs = new Questions(m.spec(), m.derivations());
        String prompt = sheet.text(path + ".prompt", q.get("prompt"), false);
        if (ask.equals("total_params")) return totalParams(id, m, qs, prompt);
        if (ask.equals("input_shape")) return inputShape(id, m, prompt);
        if (ask.equals("missing_layer")) return missingLayer(id, m, prompt);
        int i = m.index(sheet, path + ".layer", sheet.text(path + ".layer", q.get("layer"), true));
        Derivation d = m.derivations().get(i);
        Exercise e = switch (ask) {
            case "output_shape" -> qs.outputShape(id, i, batch());
            case "params" -> require(d.trainableParams() > 0, "has no trainable parameters", d, () -> qs.params(id, i));
            case "flat_size" -> require(d.layerType().equals("Flatten"), "is not a Flatten layer", d, () -> qs.flatSize(id, i));
            case "padding" -> require(same(d), "has no 'same' padding", d, () -> qs.padding(id, i, sheet.text(path + ".axis", q.get("axis"), false).isEmpty()
                    ? "rows" : q.get("axis").getAsString()));
            case "same_or_valid" -> require(d.layerType().matches(".*(Conv|Pool).*") && !d.layerType().startsWith("Global"),
                    "is not a convolution or pooling layer", d, () -> qs.sameOrValid(id, i));
            case "macs" -> require(d.macs() > 0, "does no multiply-adds", d, () -> new CountExercise(id, "How many multiply-adds does "
                    + d.label() + " do for one sample?", qs.code(), d.macsFormula(), List.of(), List.of(), TextRenderer.layer(d).stripTrailing(),
                    List.of("Count the multiplications for one output number, then multiply by the number of output numbers."), 1));
            case "activation_memory" -> activationMemory(id, d, qs);
            default -> receptiveField(id, m, qs, i);
        };
        return prompt.isEmpty() ? e : new Reworded(e, prompt);
    }

    private Exercise require(boolean ok, String problem, Derivation d, java.util.function.Supplier<Exercise> make) {
        if (!ok) throw sheet.json().wrong(path + ".layer", "Layer '" + d.layerName() + "' " + problem + ".",
                "a layer this kind of question is about", d.label(), "pick another layer, or another kind of question");
        return make.get();
    }

    private static boolean same(Derivation d) { return d.lines().stream().anyMatch(l -> l.lhs().equals("P_total")); }

    private BatchAxis batch() {
        String b = sheet.text(path + ".batch", q.get("batch"), false);
        return switch (b) {
            case "", "optional" -> BatchAxis.OPTIONAL;
            case "required" -> BatchAxis.REQUIRED;
            case "forbidden" -> BatchAxis.FORBIDDEN;
            default -> throw sheet.json().wrong(path + ".batch", "Unknown batch rule '" + b + "'.", "\"optional\", \"required\" or \"forbidden\"",
                    "\"" + b + "\"", "\"required\" asks for the shape as summary() prints it, with None first");
        };
    }

    private Exercise fixed(String id) {
        String prompt = sheet.text(path + ".prompt", q.get("prompt"), true);
        List<String> hashes = new ArrayList<>();
        JsonElement given = q.has("answers") ? q.get("answers") : q.get("hashes");
        if (given == null || !given.isJsonArray() || given.getAsJsonArray().isEmpty()) {
            throw sheet.json().wrong(path, "A fixed question needs its accepted answers.", "\"answers\": [\"batch size\", \"number of samples\"]",
                    String.valueOf(given), "list every wording you accept; students' notebooks get only salted hashes of them");
        }
        for (JsonElement a : (JsonArray) given) hashes.add(q.has("answers") ? FixedExercise.hash(a.getAsString()) : a.getAsString());
        String first = q.has("answers") ? given.getAsJsonArray().get(0).getAsString() : "";
        return new FixedExercise(id, prompt, hashes, sheet.text(path + ".hint", q.get("hint"), false), 1, first);
    }

    private Exercise totalParams(String id, SheetModels.Built m, Questions qs, String prompt) {
        List<Expr> terms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long biases = 0;
        for (Derivation d : m.derivations()) {
            Line p = Questions.line(d, Line.Kind.PARAMS).orElse(null);
            if (p == null || d.params() == 0) continue;
            terms.add(Expr.var("P_" + d.layerName(), p.expr().value()));
            names.add(d.layerName());
            List<Expr> t = p.expr().terms();
            if (t.size() > 1 && t.get(t.size() - 1) instanceof Expr.Var) biases += t.get(t.size() - 1).value();
        }
        Expr total = Expr.sum(terms);
        List<Mistake<Long>> mistakes = biases == 0 ? List.of() : List.of(new Mistake<>(total.value() - biases,
                "missing bias: every layer with a bias adds one per unit or filter (" + String.format("%,d", biases) + " in all)"));
        StringBuilder solution = new StringBuilder();
        for (Derivation d : m.derivations()) if (d.params() > 0) solution.append(TextRenderer.layer(d));
        solution.append("total = ").append(Formulas.worked("", total));
        return new CountExercise(id, prompt.isEmpty() ? "How many parameters does the whole model have (Total params in summary())?" : prompt,
                qs.code(), total, names, mistakes, solution.toString(), List.of("Add up the Param # of every layer."), 1);
    }

    private Exercise inputShape(String id, SheetModels.Built m, String prompt) {
        Shape in = m.model().inputShape();
        List<String> axes = in.rank() == 3 ? List.of("rows", "cols", "channels") : in.rank() == 2 ? List.of("steps", "features")
                : java.util.stream.IntStream.range(0, in.rank()).mapToObj(k -> "axis " + (k + 1)).toList();
        return ShapeExercise.sample(id, prompt.isEmpty() ? "What do you pass to inputShape(…) for this model's samples?" : prompt, "", in, axes,
                "inputShape" + in + ": one sample as (" + String.join(", ", axes) + "), no batch axis", List.of());
    }

    private Exercise missingLayer(String id, SheetModels.Built m, String prompt) {
        String removed = sheet.text(path + ".remove", q.get("remove"), true);
        int i = m.index(sheet, path + ".remove", removed);
        if (m.spec() == null || !(m.spec().layers().get(i) instanceof LayerSpec.Flat) || i == 0) {
            throw sheet.json().wrong(path + ".remove", "missing_layer can remove a Flatten layer from a chain model.",
                    "the name of a Flatten layer after the first layer", "\"" + removed + "\"", "remove the Flatten that sits before the first Dense");
        }
        List<LayerSpec> layers = new ArrayList<>(m.spec().layers());
        layers.remove(i);
        ModelSpec broken = new ModelSpec(m.spec().input(), layers);
        long[] target = {100, m.model().outputShape().last()};
        String ask = prompt.isEmpty() ? "Training this model on targets of shape " + Shape.of(target) + " fails. Which layer is missing, "
                + "and after which layer does it go? (e.g. \"Reshape after dense\")" : prompt;
        return new MissingLayerExercise(id, ask, broken.code(), broken, target, i, "Compare the model's output shape with the targets' shape: "
                + "how many axes does each have?");
    }

    private Exercise activationMemory(String id, Derivation d, Questions qs) {
        List<Expr> axes = new ArrayList<>();
        for (Line l : d.lines()) if (l.kind() == Line.Kind.DIM || l.kind() == Line.Kind.KEEP) axes.add(Expr.var(l.label(), l.expr().value()));
        Expr values = Expr.product(axes);
        return new CountExercise(id, "How many bytes does the output of " + d.label() + " take for one sample, in float32?", qs.code(),
                values.times(Expr.var("bytes", 4)), List.of("bytes"), List.of(new Mistake<>(values.value(),
                        "that is the number of values; each float32 value takes 4 bytes")), TextRenderer.layer(d).stripTrailing(),
                List.of("Multiply the output's axes, then the bytes of one float32."), 1);
    }

    private Exercise receptiveField(String id, SheetModels.Built m, Questions qs, int i) {
        if (m.spec() != null) return qs.receptiveField(id, i);
        String name = m.derivations().get(i).layerName();
        Summary.Row row = m.model().summaryTable().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        if (!row.receptiveField().matches("\\d+(×\\d+)*")) {
            throw sheet.json().wrong(path + ".layer", "Layer '" + name + "' has no sliding-window receptive field.",
                    "a convolution or pooling layer of a model made of them", row.receptiveField(), "pick a convolution or pooling layer");
        }
        long rows = Long.parseLong(row.receptiveField().split("×")[0]);
        return new CountExercise(id, "How many input rows does one output position of " + row.label() + " see (its receptive field along rows)?",
                qs.code(), Expr.var("r", rows), List.of("rows"), List.of(), "receptive field of " + name + ": " + row.receptiveField(),
                List.of("r = 1 + Σ (K_i − 1)×j_i, with j_1 = 1 and j_(i+1) = j_i×S_i"), 2);
    }
}
