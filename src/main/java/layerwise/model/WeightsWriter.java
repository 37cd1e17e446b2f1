package layerwise.model;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.storage.HdfFileChannel;

import layerwise.model.WeightGroups.Group;
import layerwise.ndarray.NDArray;

/**
 * Writes a model's weights as Keras 3's {@code model.weights.h5}: one group per Keras object (see
 * {@link WeightGroups}), each array a float32 dataset named by its position, "0", "1", …, with
 * Keras's shape: a Conv2D kernel is (kh, kw, C_in, filters).
 */
final class WeightsWriter {
    private WeightsWriter() {}

    static void write(Model model, Path file) {
        WritableGroupImpl root = new WritableGroupImpl(null, "/");
        for (Group g : WeightGroups.of(model)) {
            WritableGroup vars = groupAt(root, g.varsPath());
            if (g.count() == 0) continue;
            List<NDArray> arrays = g.layer().getWeights().subList(g.from(), g.to());
            for (int i = 0; i < arrays.size(); i++) vars.putDataset(String.valueOf(i), nested(arrays.get(i)));
        }
        flush(root, file);
    }

    /**
     * Writes the superblock and the tree of groups, as jhdf's WritableHdfFile does, minus its last step:
     * it appends its version text at the channel's position, which is the end of the last array written,
     * not the end of the file, and so overwrites whatever group header lies there (an empty "vars"
     * group written after the arrays). Truncating also keeps no tail of an older, longer file.
     */
    private static void flush(WritableGroupImpl root, Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
            HdfFileChannel hdf = new HdfFileChannel(channel, superblock);
            root.write(hdf, WritableHdfFile.ROOT_GROUP_ADDRESS);
            hdf.write(superblock.toBuffer(channel.size()), 0L);
        } catch (IOException e) {
            throw KerasArchive.cannotWrite(file, e);
        }
    }

    /** The group at a path such as "layers/lstm/cell/vars", made with every parent that is missing. */
    private static WritableGroup groupAt(WritableGroup root, String path) {
        WritableGroup g = root;
        for (String part : path.split("/")) {
            Node child = g.getChild(part);
            g = child instanceof WritableGroup existing ? existing : g.putGroup(part);
        }
        return g;
    }

    /** The numbers as a Java array of arrays (float[][][][] for a rank-4 kernel), which is how jhdf takes a shape. */
    static Object nested(NDArray a) {
        float[] flat = a.toFloatArray();
        int[] dims = a.dims();
        if (dims.length == 0) return flat[0];
        Object out = Array.newInstance(float.class, dims);
        fill(out, dims, 0, flat, 0);
        return out;
    }

    private static int fill(Object target, int[] dims, int axis, float[] flat, int at) {
        if (axis == dims.length - 1) {
            System.arraycopy(flat, at, (float[]) target, 0, dims[axis]);
            return at + dims[axis];
        }
        for (int i = 0; i < dims[axis]; i++) at = fill(Array.get(target, i), dims, axis + 1, flat, at);
        return at;
    }
}
