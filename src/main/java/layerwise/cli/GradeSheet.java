package layerwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import layerwise.exercise.Exercises;
import layerwise.exercise.SheetFile;

/** The sheet a command works on: a sheet file, or the name of a built-in sheet. Anything else is a usage error (exit 2). */
final class GradeSheet {
    private GradeSheet() {}

    static SheetFile open(String command, String sheet) {
        if (sheet == null) throw new UsageException(command + ": give --sheet FILE (a sheet file) or --sheet NAME, one of " + Exercises.sheets());
        if (Exercises.sheets().contains(sheet)) return Exercises.file(sheet);
        Path file = Path.of(sheet);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(command + ": no sheet file '" + sheet + "' (paths are relative to " + Path.of("").toAbsolutePath()
                    + "), and no built-in sheet of that name: " + Exercises.sheets());
        }
        return SheetFile.read(file);
    }

    /** The value after a flag, or a usage error naming the flag. */
    static String value(String command, String[] args, int i, String usage) {
        if (i >= args.length || args[i].startsWith("--")) throw new UsageException(command + ": " + args[i - 1] + " needs a value\n" + usage);
        return args[i];
    }

    /** A flag's whole number above 0, such as --timeout 120; anything else is a usage error naming it. */
    static long positive(String command, String flag, String s) {
        try {
            long v = Long.parseLong(s);
            if (v > 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(command + ": " + flag + " needs a whole number above 0, got '" + s + "'");
    }
}
