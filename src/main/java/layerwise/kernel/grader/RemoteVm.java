package layerwise.kernel.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import jdk.jshell.JShell;

/** How the notebook's JVM is started: Layerwise on its class path, a memory cap, and the kernel's imports. */
final class RemoteVm {
    private static final String STARTUP = "/layerwise/kernel/startup.jshell";
    private static final List<String> IMPORTS = List.of("java.util", "layerwise.error", "layerwise.ndarray", "layerwise.explain",
            "layerwise.layers", "layerwise.model", "layerwise.train", "layerwise.data", "layerwise.chart", "layerwise.exercise",
            "layerwise.examples");

    private RemoteVm() {}

    /**
     * The JVM's options: a heap limit, a quick start (the notebook runs for seconds), temporary files
     * and the home folder inside the notebook's folder, and no performance-data file in /tmp.
     */
    static List<String> options(Path folder, String memory) {
        String dir = folder.toAbsolutePath().toString();
        return List.of("-Xmx" + memory, "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-Djava.io.tmpdir=" + dir, "-Duser.home=" + dir, "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Djava.awt.headless=true", "--add-modules", "jdk.incubator.vector");
    }

    /** Puts Layerwise on the class path of compiler and JVM, then runs the kernel's imports (skipping missing packages). */
    static void prepare(JShell shell) {
        for (String entry : classPath()) shell.addToClasspath(entry);
        for (String line : startup()) {
            if (line.isBlank() || line.startsWith("//")) continue;
            shell.eval(line);
        }
    }

    private static List<String> startup() {
        try (InputStream in = RemoteVm.class.getResourceAsStream(STARTUP)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException unreadable) {
            // fall back to the same imports written here
        }
        return IMPORTS.stream().map(p -> "import " + p + ".*;").toList();
    }

    /**
     * The grader's own class path, with the Class-Path of manifest-only jars (as test runners use)
     * spelled out, since the notebook's compiler needs every entry by name.
     */
    static List<String> classPath() {
        String override = System.getProperty("layerwise.grader.classpath");
        String cp = override != null ? override : System.getProperty("java.class.path", "");
        Set<String> out = new LinkedHashSet<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            out.add(entry);
            if (entry.endsWith(".jar")) out.addAll(manifestClassPath(Path.of(entry)));
        }
        return new ArrayList<>(out);
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(jar)) return out;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) return out;
            for (String item : cp.trim().split("\\s+")) {
                URI uri = jar.toAbsolutePath().getParent().toUri().resolve(item);
                out.add("file".equals(uri.getScheme()) ? Path.of(uri).toString() : item);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // an unreadable jar adds nothing
        }
        return out;
    }
}
