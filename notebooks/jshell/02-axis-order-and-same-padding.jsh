// Seed question 001: axis order (rows, cols, channels) and 'same' padding, with Conv2D and Conv1D.
// Run: ./layerwise jshell notebooks/jshell/02-axis-order-and-same-padding.jsh
System.out.println("""
    == Axis order and 'same' padding ==
    Keras's default, channels_last: a Conv2D reads each sample as (rows, cols, channels),
    with the batch axis in front: (batch, rows, cols, channels).
    """);

Sequential convs(long... inputShape) {
    var m = new Sequential();
    m.add(new Conv2D(12, 3).activation("relu").padding("same").inputShape(inputShape));
    m.add(new Conv2D(10, 3).activation("relu").padding("same"));
    m.add(new Dense(6).activation("softmax"));
    return m;
}

var model = convs(15, 15, 20);
model.summary();
System.out.println("""

    'same' with stride 1 keeps 15 rows and 15 cols; the last axis becomes the number of filters.
    The 20 input channels are in the first parameter count: 3*3*20*12 + 12 = 2,172.
    """);
model.explain();

System.out.println("""

    Training keeps the axis order: each kernel's gradient has the kernel's shape, channels last
    (3x3x20x12 for the first), and with 'same' padding the gradient returns to the input as (15, 15, 20):
    """);
model.explainBackward();

System.out.println("""

    The same layers on (20, 15, 15): nothing is transposed, so this is 20 rows, 15 cols, 15 channels.
    Rows stay 20, and the first kernel is 3*3*15 per filter: 3*3*15*12 + 12 = 1,632.
    """);
convs(20, 15, 15).summary();

System.out.println("""

    Conv1D reads (steps, channels). On (1287, 69) with 'same' padding the 1287 steps are kept:
    """);
var seq = new Sequential();
seq.add(new Conv1D(64, 3).activation("relu").padding("same").inputShape(1287, 69));
seq.add(new Conv1D(32, 3).activation("relu").padding("same"));
seq.add(new Dense(8).activation("softmax"));
seq.summary();
seq.explain();
/exit
