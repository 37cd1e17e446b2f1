// Seed question 000: Conv2D then Dense, and the missing Flatten.
// Run: ./layerwise jshell notebooks/jshell/01-conv2d-then-dense-needs-flatten.jsh
System.out.println("""
    == Conv2D then Dense: why the model needs Flatten ==
    Input (100, 100, 3) -> Conv2D(32, 3) -> Dense(256) -> Dense(10), trained on targets of shape (100, 10).
    """);

var input = new Input(100, 100, 3);
var x = new Conv2D(32, 3).activation("relu").apply(input);
x = new Dense(256).activation("relu").apply(x);
var model = new Model(input, new Dense(10).activation("softmax").apply(x));
model.summary();

System.out.println("""

    Dense works on the last axis only: at each of the 98x98 positions it maps 32 channels to 256 units,
    with the same weights everywhere (32*256 + 256 = 8,448). So the output stays 4-D: (None, 98, 98, 10).
    Every formula, with its numbers:
    """);
model.explain();

System.out.println("""

    Training on x (100, 100, 100, 3) and one-hot targets (100, 10) stops before the first step:
    """);
var data = Datasets.random(100, new int[] {100, 100, 3}, 10, 42);
try {
    model.compile(new SGD(0.01).decay(1e-6).momentum(0.9).nesterov(true), "categorical_crossentropy");
    model.fit(data.x(), data.oneHot(), 32, 10);
} catch (NnException e) {
    System.out.println(e.getMessage());
}

System.out.println("""

    The fix: Flatten turns each (98, 98, 32) block into one vector of 98*98*32 = 307,328 numbers.
    """);
var in2 = new Input(100, 100, 3);
var y2 = new Conv2D(32, 3).activation("relu").apply(in2);
y2 = new Flatten().apply(y2);
y2 = new Dense(256).activation("relu").apply(y2);
var fixedModel = new Model(in2, new Dense(10).activation("softmax").apply(y2));
fixedModel.summary();
fixedModel.checkTarget(100, 10);
System.out.println("Targets (100, 10) now match the output " + fixedModel.outputShape().withBatch() + ".");

System.out.println("""

    Training runs the other way: from the loss back to every weight. Each weight's gradient has
    the weight's shape, so the optimizer can move every weight by w - lr*g:
    """);
fixedModel.explainBackward();
/exit
