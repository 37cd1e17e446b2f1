package layerwise.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * The Layerwise Jupyter kernel: JJava's base kernel (the Jupyter protocol) with cells evaluated by an
 * in-process JShell ({@link Session}) and Layerwise's renderers installed, so a Model shows its summary
 * table and a chart shows as a picture. Never lets a cell take the kernel down.
 */
public final class LayerwiseKernel extends BaseKernel {
    /** JShell and the startup imports take a second or two: prepared while Jupyter connects. */
    private final CompletableFuture<Session> session;
    private List<String> startupProblems = List.of();

    LayerwiseKernel(String classPath) {
        super("Layerwise", LayerwiseKernel.class.getPackage().getImplementationVersion(),
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                        "java", "text/x-java", "script"),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, null, false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG).addHighlightStyle(TextColor.BOLD_RED_FG).build());
        session = CompletableFuture.supplyAsync(() -> {
            Session s = new Session(classPath);
            startupProblems = Startup.run(s.shell(),
                    List.of("import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;"));
            return s;
        });
        installExtension(new LayerwiseExtension());
    }

    private Session session() {
        return session.join();
    }

    @Override
    public String getBanner() {
        return "Layerwise: Java " + Runtime.version().feature() + " (JShell) with the Layerwise API imported";
    }

    @Override
    public Object evalRaw(String code) {
        reportStartupProblemsOnce();
        return session().eval(code);
    }

    /** Also catches Errors (javac out of stack on a huge cell, a value's toString recursing): the base
     *  kernel handles only Exceptions, and an Error would end its message loop. */
    @Override
    public DisplayData eval(String code) {
        try {
            return super.eval(code);
        } catch (Error e) {
            throw new CellErrors.CellFailure(e);
        }
    }

    private void reportStartupProblemsOnce() {
        if (startupProblems.isEmpty()) return;
        System.err.println("Layerwise kernel startup: " + String.join("\n  ", startupProblems));
        startupProblems = List.of();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = new CellTools(session()).inspect(code, at);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellTools.Completion c = new CellTools(session()).complete(code, at);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return switch (new CellTools(session()).isComplete(code)) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> "    ";
        };
    }

    @Override
    public void interrupt() {
        if (session.isDone()) session().interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return CellErrors.colored(CellErrors.format(e, session.isDone() ? session()::describe : f -> null));
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        if (session.isDone()) session().close();
    }
}
