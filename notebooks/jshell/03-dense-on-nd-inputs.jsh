// Seed question 002: Dense on inputs of rank 1, 2 and 3.
// Run: ./layerwise jshell notebooks/jshell/03-dense-on-nd-inputs.jsh
System.out.println("""
    == Dense on inputs of different ranks ==
    Dense acts on the last axis only: (batch, ..., d_in) -> (batch, ..., units),
    with d_in*units + units weights shared by every position along the other axes.
    """);

Sequential dense(long... inputShape) {
    var m = new Sequential();
    m.add(new Dense(4).activation("linear").inputShape(inputShape));
    m.add(new Dense(10).activation("softmax"));
    return m;
}

for (long[] shape : new long[][] {{784}, {784, 1}, {32, 28}, {32, 28, 1}}) {
    System.out.println("\n-- input_shape " + Shape.of(shape) + " --");
    var m = dense(shape);
    m.summary();
    m.explain();
}

System.out.println("""

    (784,) and (784, 1) hold the same numbers, but on (784, 1) the last axis has size 1:
    each of the 784 positions maps 1 value to 4 units, so 1*4 + 4 = 8 weights instead of 784*4 + 4 = 3,140.
    To give Dense all 784 values at once, Flatten or Reshape to (784,) first.

    Training shares the same way. On (784, 1) the kernel's gradient dL/dW has the kernel's shape (1, 4),
    and each of its 4 numbers adds up the contributions of all 784 positions of every sample:
    """);
dense(784, 1).explainBackward();
/exit
