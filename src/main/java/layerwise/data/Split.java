package layerwise.data;

import layerwise.ndarray.NDArray;

/** Training and test samples of a data set; y holds class numbers (see {@link #yTrainOneHot()}). */
public record Split(NDArray xTrain, NDArray yTrain, NDArray xTest, NDArray yTest, int classes) {
    public NDArray yTrainOneHot() { return NDArray.toCategorical(yTrain, classes); }
    public NDArray yTestOneHot() { return NDArray.toCategorical(yTest, classes); }

    static String tuple(int[] dims) {
        if (dims.length == 1) return "(" + dims[0] + ",)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) b.append(i == 0 ? "" : ", ").append(dims[i]);
        return b.append(")").toString();
    }
}
