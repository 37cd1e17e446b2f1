package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;

/**
 * How many input positions along one axis an output position of a layer sees, written as one Expr so
 * it prints itself and gives credit per layer: r = 1 + (K_1 − 1)×j_1 + (K_2 − 1)×j_2 + …, where
 * j_1 = 1 and j_(i+1) = j_i×S_i is the distance in input positions between neighbouring windows.
 */
record ReceptiveFieldRule(Expr size, List<String> termNames, long withoutJumps, String text) {

    static ReceptiveFieldRule of(ModelSpec spec, List<Derivation> layers, int upTo) {
        List<Expr> terms = new ArrayList<>(List.of(Expr.of(1)));
        List<String> names = new ArrayList<>(List.of("(the position itself)"));
        StringBuilder text = new StringBuilder();
        long jump = 1, plain = 1;
        int n = 0;
        for (int i = 0; i <= upTo; i++) {
            int k, s;
            if (spec.layers().get(i) instanceof LayerSpec.Conv c) { k = c.kernel(); s = c.stride(); }
            else if (spec.layers().get(i) instanceof LayerSpec.Pool p) { k = p.pool(); s = p.pool(); }
            else continue;
            n++;
            Expr term = Expr.var("K_" + n, k).minus(1).times(Expr.var("j_" + n, jump));
            terms.add(term);
            String name = layers.get(i).layerName();
            names.add("from " + name);
            text.append(String.format("%-16s K_%d = %d, j_%d = %d, adds %s%n", name, n, k, n, jump, Formulas.worked("", term)));
            plain += k - 1;
            jump *= s;
        }
        Expr size = Expr.sum(terms);
        text.append("r = ").append(Formulas.worked("", size));
        return new ReceptiveFieldRule(size, names, plain, text.toString());
    }
}
