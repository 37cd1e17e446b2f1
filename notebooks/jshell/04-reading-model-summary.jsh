// Seed question 003: reading model.summary(), where 148 and 448 come from.
// Run: ./layerwise jshell notebooks/jshell/04-reading-model-summary.jsh
System.out.println("""
    == Reading model.summary(): where 148 and 448 come from ==
    """);

var image = new Input(150, 150, 3);
var firstConv = new Conv2D(16, 3).activation("relu");
var x = firstConv.apply(image);
x = new MaxPooling2D(2).apply(x);
x = new Conv2D(32, 3).activation("relu").apply(x);
x = new MaxPooling2D(2).apply(x);
x = new Conv2D(64, 3).activation("relu").apply(x);
x = new MaxPooling2D(2).apply(x);
x = new Flatten().apply(x);
x = new Dense(512).activation("relu").apply(x);
var model = new Model(image, new Dense(1).activation("sigmoid").apply(x));
model.summary();

System.out.println("""

    148: a 3x3 kernel, padding 'valid' (P = 0), stride 1: O = (W - K + 2P)/S + 1 = (150 - 3 + 0)/1 + 1 = 148.
    448: 16 filters, each 3x3 over 3 input channels (27 weights) plus one bias: 16 * (27 + 1) = 448.
    The first layer's explanation:
    """);
firstConv.explain(Shape.of(150, 150, 3)).print();

int rows = (150 - 3 + 2 * 0) / 1 + 1;
int params = 3 * 3 * 3 * 16 + 16;
System.out.println("\nBy hand: rows = " + rows + ", params = " + params);

System.out.println("\nEvery layer, every formula:\n");
model.explain();

System.out.println("""

    Training reads the summary backwards: from the loss to the first Conv2D, every weight's gradient
    has its weight's shape (3x3x3x16 for the first kernel), so the Param # column is also the number
    of gradient numbers per step:
    """);
model.explainBackward();
/exit
