package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import layerwise.layers.Conv2D;
import layerwise.ndarray.Shape;

/**
 * Explanations as a student sees them in a real browser (headless Chromium, offline, no MathJax needed):
 * notebook 04 run in the kernel and exported with {@code jupyter nbconvert --to html}, and an
 * explanation passed through the sanitizer of Debian's Jupyter Notebook, as in an untrusted notebook.
 * A script added to each page measures the laid-out page and writes its findings into it; Chromium's
 * {@code --dump-dom} hands them back.
 */
@Tag("jupyter")
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SANITIZER = Path.of("/usr/lib/python3/dist-packages/notebook/static/components/sanitizer/index.js");
    static final Path REQUIREJS = Path.of("/usr/share/javascript/requirejs/require.min.js");
    private static final Pattern FINDINGS = Pattern.compile("<pre id=\"layerwise-check\">(.*?)</pre>", Pattern.DOTALL);

    /** For each output holding an explanation: its MathML, how its fractions are laid out, and the text a reader sees. */
    private static final String MEASURE_OUTPUTS = """
            <script>
            window.addEventListener("load", function () {
              var found = [];
              document.querySelectorAll(".jp-OutputArea-output").forEach(function (o) {
                if (!o.querySelector(".layerwise-explanation")) return;
                var fractions = Array.from(o.querySelectorAll("mfrac"));
                var columns = Array.from(o.querySelectorAll("table")).map(function (t) {
                  return new Set(Array.from(t.rows).filter(function (r) { return r.cells.length === 3; })
                      .map(function (r) { return Math.round(r.cells[1].getBoundingClientRect().left); })).size; });
                found.push({
                  maths: o.querySelectorAll("math").length,
                  fractions: fractions.length,
                  stacked: fractions.filter(function (f) {
                    return f.children[0].getBoundingClientRect().bottom <= f.children[1].getBoundingClientRect().top + 1; }).length,
                  marksShown: Array.from(o.querySelectorAll("annotation")).filter(function (a) { return a.getClientRects().length > 0; }).length,
                  formulaColumns: Math.max.apply(null, columns),
                  visible: o.innerText
                });
              });
              var pre = document.createElement("pre");
              pre.id = "layerwise-check";
              pre.textContent = JSON.stringify(found);
              document.body.appendChild(pre);
            });
            </script>
            """;

    @Test
    void exportedNotebookDrawsFormulasAsMathMlWithNoLatexLeft() throws Exception {
        assumeBrowser();
        Path dir = Files.createTempDirectory("layerwise-browser");
        Path notebook = Jupyter.HOME.resolve("notebooks/04-reading-model-summary.ipynb");
        Jupyter.Run export = Jupyter.run(List.of(Jupyter.JUPYTER.toString(), "nbconvert", "--to", "html", "--execute",
                "--ExecutePreprocessor.kernel_name=layerwise", "--ExecutePreprocessor.timeout=600", "--output-dir", dir.toString(),
                notebook.toString()), null, Jupyter.environment(), 900);
        assertEquals(0, export.exitCode(), export.output());
        Path page = dir.resolve("04-reading-model-summary.html");
        Files.writeString(page, Files.readString(page).replace("</body>", MEASURE_OUTPUTS + "</body>"));

        JsonArray outputs = findings(page);
        assertEquals(2, outputs.size(), "the explanation of one layer and of the whole model");
        for (JsonElement e : outputs) {
            JsonObject o = e.getAsJsonObject();
            String visible = o.get("visible").getAsString();
            assertTrue(o.get("maths").getAsInt() > 0, visible);
            assertTrue(o.get("fractions").getAsInt() > 0, "O = (W − K + 2P)/S + 1 is a fraction: " + visible);
            assertEquals(o.get("fractions").getAsInt(), o.get("stacked").getAsInt(), "every numerator drawn above its denominator");
            assertEquals(0, o.get("marksShown").getAsInt(), "the plain-text marks stay hidden where MathML is drawn");
            assertEquals(1, o.get("formulaColumns").getAsInt(), "in each layer's table the formulas start in one column");
            for (String latex : List.of("\\frac", "\\left", "{,}", "$")) assertFalse(visible.contains(latex), latex + " shown in:\n" + visible);
        }
        assertTrue(outputs.get(1).getAsJsonObject().get("visible").getAsString().contains("4,640"), "conv2d_1's 4,640 parameters");
    }

    @Test
    void untrustedNotebookKeepsTheFormulasReadable() throws Exception {
        assumeBrowser();
        assumeTrue(Files.exists(SANITIZER) && Files.exists(REQUIREJS), "Debian's jupyter-notebook brings its sanitizer and requirejs");
        String html = new Conv2D(16, 3).explain(Shape.of(150, 150, 3)).toHtml();
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><script src="%s"></script></head><body><div id="out"></div>
                <script>
                require.config({paths: {sanitizer: "%s"}});
                require(["sanitizer"], function (s) {
                  var out = document.getElementById("out");
                  // Notebook 6 sanitizes an untrusted output's HTML so, without its CSS (security.js).
                  out.innerHTML = s.defaultSanitizer.sanitize(%s, {allowedStyles: {}});
                  var pre = document.createElement("pre");
                  pre.id = "layerwise-check";
                  pre.textContent = JSON.stringify([{maths: out.querySelectorAll("math").length, visible: out.innerText,
                      rows: Array.from(out.querySelectorAll("tr")).map(function (r) { return r.cells.length; })}]);
                  document.body.appendChild(pre);
                });
                </script></body></html>
                """.formatted(REQUIREJS.toUri(), SANITIZER.toUri().toString().replaceAll("\\.js$", ""), new Gson().toJson(html));
        Path file = Files.createTempDirectory("layerwise-browser").resolve("untrusted.html");
        Files.writeString(file, page);

        JsonObject o = findings(file).get(0).getAsJsonObject();
        String visible = o.get("visible").getAsString();
        assertEquals(0, o.get("maths").getAsInt(), "this sanitizer drops MathML tags (their text stays)");
        assertTrue(visible.contains("O=(W−K+2P)/S+1=(150−3+2·0)/1+1=148"), visible);
        assertTrue(visible.contains("K_h×K_w×C_in×F+F=3×3×3×16+16=448"), visible);
        assertEquals(List.of(1, 3, 3, 3, 3), gson(o.get("rows")), "the table keeps its rows and cells");
    }

    private static List<Integer> gson(JsonElement array) {
        List<Integer> out = new ArrayList<>();
        array.getAsJsonArray().forEach(e -> out.add(e.getAsInt()));
        return out;
    }

    private static void assumeBrowser() {
        Jupyter.assumeInstalled();
        assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is not installed (.ci/setup installs it)");
    }

    /** Opens the page offline in headless Chromium and returns what its script wrote. */
    private static JsonArray findings(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("layerwise-chromium");
        Jupyter.Run r = Jupyter.run(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--allow-file-access-from-files",
                "--user-data-dir=" + profile, "--window-size=1280,1024", "--virtual-time-budget=15000", "--dump-dom",
                page.toUri().toString()), null, java.util.Map.of(), 180);
        Matcher m = FINDINGS.matcher(r.output());
        assertTrue(m.find(), "no findings in the page Chromium dumped (exit " + r.exitCode() + "):\n" + tail(r.output()));
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
        return JsonParser.parseString(json).getAsJsonArray();
    }

    private static String tail(String s) { return s.length() > 4000 ? s.substring(s.length() - 4000) : s; }
}
