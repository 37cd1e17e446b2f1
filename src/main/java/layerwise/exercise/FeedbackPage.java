package layerwise.exercise;

import layerwise.explain.Html;

/** The HTML feedback page of one graded notebook, to hand back to the student. */
final class FeedbackPage {
    private FeedbackPage() {}

    static String of(Grading.Report r) {
        String who = r.studentId().isEmpty() ? r.notebook() : r.studentId();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(r.sheet() + ": " + who)).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "pre{background:#f6f8fa;padding:.6em;overflow-x:auto}.ok{color:#1a7f37}.part{color:#9a6700}.no{color:#cf222e}"
                        + "section{border-top:1px solid #ddd;padding:.5em 0}</style></head><body>\n")
                .append("<h1>").append(Html.escape(r.sheet())).append(" · ").append(Html.escape(who)).append("</h1>\n<p><b>")
                .append(Grading.points(r.total())).append(" / ").append(Grading.points(r.max())).append(" points</b></p>\n");
        if (!r.reason().isEmpty()) out.append("<p>Note: ").append(Html.escape(r.reason())).append("</p>\n");
        int n = 0;
        for (Grading.Row row : r.exercises()) {
            String css = row.points() >= row.max() ? "ok" : row.points() > 0 ? "part" : "no";
            out.append("<section id=\"").append(Html.escape(row.id())).append("\">\n<h2>").append(++n).append(". ").append(Html.escape(row.id()))
                    .append(" <span class=\"").append(css).append("\">").append(Grading.points(row.points())).append(" / ")
                    .append(Grading.points(row.max())).append("</span></h2>\n");
            if (!row.question().isEmpty()) out.append("<pre>").append(Html.escape(row.question())).append("</pre>\n");
            out.append("<p>Your answer: <code>").append(row.answer().isBlank() ? "(none)" : Html.escape(row.answer())).append("</code></p>\n")
                    .append("<p>").append(Html.escape(row.feedback())).append("</p>\n");
            if (!row.formula().isEmpty()) out.append("<p>Worked out with your numbers:</p>\n<pre>").append(Html.escape(row.formula())).append("</pre>\n");
            out.append("</section>\n");
        }
        return out.append("</body></html>\n").toString();
    }
}
