package layerwise.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;

import layerwise.error.ConfigException;
import layerwise.error.Problem;

/**
 * Keras 3's model files: {@code .keras}, a zip of config.json (the architecture, as Keras 3 serializes
 * it), metadata.json (Keras version, date saved) and model.weights.h5 (the weights, see
 * {@link WeightGroups}); and {@code .weights.h5}, the weights alone. Keras's own rules for the names
 * apply: a model goes to a file ending in .keras, weights alone to one ending in .weights.h5.
 */
final class KerasArchive {
    /** The Keras release whose file layout this writes; Keras reads the field but does not check it. */
    static final String KERAS_VERSION = "3.10.0";
    private static final String CONFIG = "config.json", METADATA = "metadata.json", WEIGHTS = "model.weights.h5";

    private KerasArchive() {}

    static void save(Model model, Path file) {
        requireSuffix(file, ".keras", "model.save(\"model.keras\")", "model.saveWeights(\"model.weights.h5\") for the weights alone");
        String config = Keras3Writer.write(model);
        Path h5 = temporary();
        try {
            WeightsWriter.write(model, h5);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                put(zip, METADATA, metadata().getBytes(StandardCharsets.UTF_8));
                put(zip, CONFIG, config.getBytes(StandardCharsets.UTF_8));
                put(zip, WEIGHTS, Files.readAllBytes(h5));
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        } finally {
            h5.toFile().delete();
        }
    }

    /** A model from a .keras file with its weights, or from model JSON (tf.keras 2 or Keras 3) with fresh weights. */
    static Model load(Path file) {
        requireExists(file);
        Model model = KerasJson.read(file);
        if (isZip(file)) loadWeights(model, file);
        return model;
    }

    static void saveWeights(Model model, Path file) {
        requireSuffix(file, ".weights.h5", "model.saveWeights(\"model.weights.h5\")", "model.save(\"model.keras\") for the architecture and the weights");
        WeightsWriter.write(model, file);
    }

    /** Weights from a .weights.h5 file, or from the model.weights.h5 inside a .keras file, as Keras's load_weights. */
    static void loadWeights(Model model, Path file) {
        requireExists(file);
        String name = file.getFileName().toString();
        if (!isZip(file)) {
            readWeights(model, () -> new HdfFile(file), name);
            return;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry weights = zip.getEntry(WEIGHTS);
            if (weights == null) throw noWeights(name, zip.getEntry("model.weights.npz") != null);
            byte[] bytes;
            try (InputStream in = zip.getInputStream(weights)) {
                bytes = in.readAllBytes();
            }
            readWeights(model, () -> HdfFile.fromBytes(bytes), WEIGHTS + " in " + name);
        } catch (IOException e) {
            throw KerasJson.cannotOpen(file, e);
        }
    }

    private static void readWeights(Model model, Supplier<HdfFile> open, String source) {
        try (HdfFile h5 = open.get()) {
            WeightsReader.read(model, h5, source);
        } catch (HdfException e) {
            throw new ConfigException(Problem.at(source)
                    .headline("Could not read the weights in " + source + ": it is not an HDF5 file Layerwise can read (" + e.getMessage() + ").")
                    .expected("an HDF5 file as Keras's model.save_weights(\"….weights.h5\") or model.save(\"….keras\") writes")
                    .got("a damaged or other kind of file")
                    .fix("save the weights again with Keras 3 (model.save_weights(\"model.weights.h5\")) or with Layerwise's saveWeights"), e);
        }
    }

    private static String metadata() {
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss"));
        return "{\"keras_version\": \"" + KERAS_VERSION + "\", \"date_saved\": \"" + date + "\"}";
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw KerasJson.cannotOpen(file, e);
        }
    }

    private static Path temporary() {
        try {
            return Files.createTempFile("layerwise-", ".weights.h5");
        } catch (IOException e) {
            throw cannotWrite(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
    }

    private static void requireExists(Path file) {
        if (Files.isRegularFile(file)) return;
        throw new ConfigException(Problem.at(file.toString())
                .headline("File not found: filepath=" + file + ". Please ensure the file is an accessible `.keras` zip file.")
                .expected("a .keras, .weights.h5 or model .json file at " + file.toAbsolutePath())
                .got(Files.isDirectory(file) ? "a folder" : "no file at that path")
                .fix("check the path (relative paths start from " + Path.of("").toAbsolutePath() + ")"));
    }

    private static void requireSuffix(Path file, String suffix, String example, String other) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.endsWith(suffix)) {
            throw new ConfigException(Problem.at(file.toString())
                    .headline("Invalid `filepath` argument: expected a `" + suffix + "` extension. Received: filepath=" + file)
                    .expected("a file name ending in " + suffix + ", as Keras requires").got(name)
                    .fix("use " + example + ", or " + other));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ConfigException(Problem.at(file.toString())
                    .headline("Cannot save to " + file + ": the folder " + folder + " does not exist.")
                    .expected("an existing folder").got("no folder " + folder)
                    .fix("create the folder first, or save to another path"));
        }
    }

    private static ConfigException noWeights(String name, boolean npz) {
        return new ConfigException(Problem.at(name)
                .headline("Expected a model.weights.h5 file inside " + name + (npz ? ", found model.weights.npz." : "."))
                .expected("a .keras zip holding config.json, metadata.json and model.weights.h5")
                .got(npz ? "weights saved as .npz, which Layerwise does not read" : "no weights in the archive")
                .fix(npz ? "save the model in Keras with the default weights format: model.save(\"model.keras\")"
                        : "save the whole model with model.save(\"model.keras\"), or load its architecture with KerasJson.read"));
    }

    static ConfigException cannotWrite(Path file, IOException e) {
        return new ConfigException(Problem.at(file.toString())
                .headline("Could not write " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage())
                .expected("a path in a folder you may write to").got("an error from the file system")
                .fix("check the path, the folder's permissions and the free disk space"), e);
    }
}
