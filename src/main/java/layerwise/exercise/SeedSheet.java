package layerwise.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import layerwise.exercise.LayerSpec.Conv;
import layerwise.exercise.LayerSpec.Fc;
import layerwise.exercise.LayerSpec.Flat;
import layerwise.exercise.LayerSpec.Pool;
import layerwise.ndarray.Shape;

/**
 * The sheet "seeds": twenty exercises on the four student questions Layerwise was made for (Dense after
 * Conv2D without Flatten; axis order and 'same' padding; Dense on N-D inputs; the 148 and 448 of
 * model.summary). Without a student id it has the questions' own numbers; with one, each model gets
 * the student's input sizes, filters, units and strides.
 */
final class SeedSheet {
    static final String NAME = "seeds";

    /** Salted hashes of the accepted wordings of "what does None stand for?"; the words are not in the code. */
    private static final String[] NONE_MEANS = {
            "819b59237b904f97:79fda0c98392af67f65325e9e99b718cd9e4ad65eb53af2b30399c9dd87d1799",
            "252818340b3be3d2:2b198c7a267a74b20019fb6141348f4e06d69e68eebf2995e92eb615c526e7c3",
            "6b373be0186520a6:4d2511556f9b5c49efbc9d6a2c79069244989eb1f264493a83bb7d2a02f3cbf8",
            "7a5a430937225976:759c96eb47a8ec6ef63c0b6fc548d88fe2cc68587dc314cd00e3c6466406e6b3",
            "6f5b55b8db90189f:93615e1d75c781505d8966ce30c138992e1092c8d97f9aab2558658f892110c9",
            "f3088883fe0b1866:95823186b3c34890adb7b0226e1d7f30d3d098b890925e5499a508608d038f91",
            "c108572120dfd60b:9d61e77817eeb3fb9a7ada8a14a87607a5cc18b424688eccf1f9b34fdf4ef4ae",
            "e802a0a6a87a67c9:bd757e0f0c32ba2a08d1adf350fca3464f2da58d70cf712aeee7407ab1744f7b",
            "78a934c53ce92759:f36ec07f088a9fbb0f4e4946db8e911c4a4b8b6fdcecb4ad2dc08e792dc55eaf",
            "87f3223914cc0ec3:61f5966ddd2dc018f9120ca701167ca823ba64ebdbbaf6dc1e2bca412e19afac",
            "d57d4074adb8faeb:4be043944e6bd8dca57f37a916aa1d34a9ba42a0c43ce5c7cf5b739566aa0bb6",
            "e8811440ffc36463:8f527f90924cd424d07f71b935c8824d6d100f96d51aea3d71a82d6f21b7cc1a",
            "b9ee72f8939bc55e:afdcb353e1fbb7544d91a6382d34c11becbb26fd797c5ed4adf49cc0e2451820",
            "121846fb6c34a818:0011dc85fccce926fc951bc83a9865cf4e90af5052093dab842c8ab5e57c6dc2"
    };

    private SeedSheet() {}

    /** The numbers of one variant; the base variant has the numbers of the four questions. */
    private record Numbers(int size000, int filters000, int units000, int classes000,
                           int size001, int channels001, int filters001, int kernel001,
                           int length002, int units002, int rows002, int cols002,
                           int size003, int filters003, int units003,
                           int size2d, int channels2d, int filters2d, int kernel2d, int stride2d) {

        static final Numbers BASE = new Numbers(100, 32, 256, 10, 15, 20, 12, 3, 784, 4, 32, 28, 150, 16, 512, 28, 1, 8, 3, 2);

        static Numbers draw(Random r) {
            return new Numbers(Seeding.pick(r, 64, 72, 80, 90, 96, 120, 128), Seeding.pick(r, 8, 16, 24, 48, 64), Seeding.pick(r, 64, 128, 200, 300),
                    Seeding.pick(r, 3, 5, 7, 12, 20),
                    Seeding.pick(r, 9, 11, 12, 13, 17, 19, 21, 24), Seeding.pick(r, 3, 6, 8, 16, 24, 30), Seeding.pick(r, 6, 8, 10, 16, 24), Seeding.pick(r, 3, 5),
                    Seeding.pick(r, 100, 256, 300, 512, 1000), Seeding.pick(r, 2, 3, 5, 6, 8), Seeding.pick(r, 10, 16, 20, 24, 40), Seeding.pick(r, 7, 12, 18, 30),
                    Seeding.pick(r, 96, 100, 124, 128, 160, 180, 200), Seeding.pick(r, 4, 8, 12, 20, 24), Seeding.pick(r, 64, 128, 256),
                    Seeding.pick(r, 24, 32, 36, 48, 64), Seeding.pick(r, 1, 3), Seeding.pick(r, 4, 6, 10, 16), Seeding.pick(r, 3, 5), Seeding.pick(r, 2, 3));
        }
    }

    static Exercises build(String studentId) {
        String id = studentId == null ? "" : studentId.trim();
        Numbers n = id.isEmpty() ? Numbers.BASE : Numbers.draw(Seeding.random(NAME, id));
        List<Exercise> out = new ArrayList<>();
        seed000(n, out);
        seed001(n, out);
        seed002(n, out);
        seed003(n, out);
        strided(n, out);
        out.add(new FixedExercise("none-meaning", "In the Output Shape (None, 148, 148, 16), what does None stand for? (a few words)",
                List.of(NONE_MEANS), "It is the axis Keras adds in front of every sample's shape; fit() decides its size.", 1));
        return new Exercises(NAME, id, out, SeedSheet::build);
    }

    /** Seed 000: Dense right after Conv2D; the missing Flatten. */
    private static void seed000(Numbers n, List<Exercise> out) {
        ModelSpec broken = ModelSpec.of(new long[] {n.size000(), n.size000(), 3}, new Conv(n.filters000(), 3),
                new Fc(n.units000(), "relu"), new Fc(n.classes000(), "softmax"));
        Questions q = new Questions(broken);
        out.add(q.outputShape("000-conv-shape", 0, BatchAxis.OPTIONAL));
        out.add(q.outputShape("000-dense-shape", 1, BatchAxis.OPTIONAL));
        long[] target = {100, n.classes000()};
        out.add(new MissingLayerExercise("000-missing-layer",
                "Training this model on targets of shape " + Shape.of(target) + " fails with \"expected " + q.layer(2).layerName()
                        + " to have 4 dimensions\". Which layer is missing, and after which layer does it go? (e.g. \"Reshape after dense\")",
                broken.code(), broken, target, 1, "Compare the model's output shape " + q.layer(2).output().withBatch()
                        + " with the targets' shape: how many axes does each have?"));
        Questions fixed = new Questions(broken.inserting(1, new Flat()));
        out.add(fixed.flatSize("000-flat-size", 1));
    }

    /** Seed 001: axis order (channels last) and 'same' padding. */
    private static void seed001(Numbers n, List<Exercise> out) {
        int s = n.size001(), c = n.channels001();
        out.add(ShapeExercise.sample("001-input-shape", "Images of " + s + " rows × " + s + " cols with " + c
                        + " channels each: what do you pass to inputShape(…) of the first Conv2D (Keras's default, channels_last)?",
                "", Shape.of(s, s, c), List.of("rows", "cols", "channels"),
                "inputShape(" + s + ", " + s + ", " + c + "): one sample as (rows, cols, channels), channels last, no batch axis", List.of()));
        ModelSpec same = ModelSpec.of(new long[] {s, s, c}, new Conv(n.filters001(), n.kernel001(), 1, "same", "relu"),
                new Conv(10, n.kernel001(), 1, "same", "relu"), new Fc(6, "softmax"));
        Questions q = new Questions(same);
        out.add(q.outputShape("001-same-shape", 0, BatchAxis.OPTIONAL));
        out.add(q.padding("001-same-padding", 0, "rows"));
        out.add(q.params("001-conv-params", 0));
        Questions swapped = new Questions(same.withInput(c, s, s));
        ShapeExercise e = swapped.outputShape("001-swapped-shape", 0, BatchAxis.OPTIONAL);
        out.add(e);
    }

    /** Seed 002: Dense on inputs of different ranks. */
    private static void seed002(Numbers n, List<Exercise> out) {
        Fc dense = new Fc(n.units002(), "linear");
        out.add(new Questions(ModelSpec.of(new long[] {n.length002()}, dense, new Fc(10, "softmax"))).params("002-vector-params", 0));
        out.add(new Questions(ModelSpec.of(new long[] {n.length002(), 1}, dense, new Fc(10, "softmax"))).params("002-column-params", 0));
        out.add(new Questions(ModelSpec.of(new long[] {n.rows002(), n.cols002()}, dense, new Fc(10, "softmax")))
                .outputShape("002-matrix-shape", 0, BatchAxis.OPTIONAL));
    }

    /** Seed 003: the 148 and 448 of model.summary(), and what follows. */
    private static void seed003(Numbers n, List<Exercise> out) {
        int f = n.filters003();
        ModelSpec spec = ModelSpec.of(new long[] {n.size003(), n.size003(), 3}, new Conv(f, 3), new Pool(2), new Conv(2 * f, 3),
                new Pool(2), new Conv(4 * f, 3), new Pool(2), new Flat(), new Fc(n.units003(), "relu"), new Fc(1, "sigmoid"));
        Questions q = new Questions(spec);
        out.add(q.outputShape("003-conv-shape", 0, BatchAxis.OPTIONAL));
        out.add(q.params("003-conv-params", 0));
        out.add(q.outputShape("003-pool-shape", 1, BatchAxis.REQUIRED));
        out.add(q.flatSize("003-flat-size", 6));
        out.add(q.params("003-dense-params", 7));
        out.add(q.receptiveField("003-receptive-field", 2));
    }

    /** A strided convolution: the window jumps S positions, and the size is rounded down. */
    private static void strided(Numbers n, List<Exercise> out) {
        ModelSpec spec = ModelSpec.of(new long[] {n.size2d(), n.size2d(), n.channels2d()},
                new Conv(n.filters2d(), n.kernel2d(), n.stride2d(), "valid", "relu"));
        out.add(new Questions(spec).outputShape("strided-shape", 0, BatchAxis.OPTIONAL));
    }
}
