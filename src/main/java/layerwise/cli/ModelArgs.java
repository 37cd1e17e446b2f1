package layerwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of the commands that read a model file: {@code MODEL.json [--format F] [--columns all]
 * [--expand-nested] [--loss NAME] [--style tf.keras2|keras3]}. A missing file or an unknown flag is a usage error (exit code 2).
 */
record ModelArgs(Path file, String format, boolean allColumns, boolean expandNested, String loss, String style) {

    static ModelArgs parse(String command, String[] args, List<String> formats) {
        Path file = null;
        String format = formats.get(0), loss = null, style = "tf.keras2";
        boolean allColumns = false, expandNested = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = value(command, args, ++i, "--format", formats);
                case "--columns" -> allColumns = value(command, args, ++i, "--columns", List.of("all", "keras")).equals("all");
                case "--expand-nested" -> expandNested = true;
                case "--loss" -> loss = value(command, args, ++i, "--loss", List.of());
                case "--style" -> style = value(command, args, ++i, "--style", List.of("tf.keras2", "keras3"));
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        throw new UsageException(command + ": unknown argument '" + args[i] + "'.\n" + Main.USAGE);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) throw new UsageException(command + ": which model? Give a model file, e.g. ./layerwise " + command + " models/seed003.json");
        if (!Files.exists(file)) throw new UsageException(command + ": no file '" + file + "' (paths are relative to " + Path.of("").toAbsolutePath() + ")");
        return new ModelArgs(file, format, allColumns, expandNested, loss, style);
    }

    private static String value(String command, String[] args, int i, String flag, List<String> allowed) {
        if (i >= args.length) throw new UsageException(command + ": " + flag + " needs a value" + (allowed.isEmpty() ? "" : ": " + String.join("|", allowed)));
        if (!allowed.isEmpty() && !allowed.contains(args[i])) {
            throw new UsageException(command + ": " + flag + " must be one of " + String.join("|", allowed) + ", got '" + args[i] + "'");
        }
        return args[i];
    }
}
