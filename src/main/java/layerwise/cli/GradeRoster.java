package layerwise.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who handed in which notebook, as the teacher knows it: a roster CSV ({@code file,student_id}, a
 * header line optional) or nbgrader's folders ({@code submitted/<id>/.../notebook.ipynb}). The id
 * written inside a notebook is never used: a student could type a classmate's.
 */
final class GradeRoster {
    private final Map<String, String> byFile = new LinkedHashMap<>();

    static GradeRoster none() { return new GradeRoster(); }

    static GradeRoster read(Path csv) {
        if (!Files.isRegularFile(csv)) throw new UsageException("grade: no roster file '" + csv + "'");
        GradeRoster r = new GradeRoster();
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("grade: cannot read the roster " + csv + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || i == 0 && line.toLowerCase().matches("\"?file\"?\\s*,.*")) continue;
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || unquote(cells[0]).isEmpty() || unquote(cells[1]).isEmpty()) {
                throw new UsageException("grade: roster " + csv + ", line " + (i + 1) + ": expected file,student_id, got '" + line + "'");
            }
            r.byFile.put(unquote(cells[0]), unquote(cells[1]));
        }
        return r;
    }

    /** The roster's id for a notebook (matched by path as given, then by file name), else the submitted/<id>/ folder, else "". */
    String idOf(Path notebook) {
        String given = notebook.toString(), name = notebook.getFileName().toString();
        for (Map.Entry<String, String> e : byFile.entrySet()) {
            if (e.getKey().equals(given) || Path.of(e.getKey()).normalize().equals(notebook.normalize())) return e.getValue();
        }
        for (Map.Entry<String, String> e : byFile.entrySet()) if (Path.of(e.getKey()).getFileName().toString().equals(name)) return e.getValue();
        Path abs = notebook.toAbsolutePath().normalize();
        for (int i = 0; i < abs.getNameCount() - 2; i++) {
            if (abs.getName(i).toString().equals("submitted")) return abs.getName(i + 1).toString();
        }
        return "";
    }

    boolean isEmpty() { return byFile.isEmpty(); }

    private static String unquote(String s) {
        s = s.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }
}
