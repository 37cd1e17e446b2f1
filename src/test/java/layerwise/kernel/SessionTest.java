package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import layerwise.error.ShapeException;
import layerwise.model.Sequential;

/** The kernel's JShell session on its own, without Jupyter: values, errors, interrupts, startup. */
class SessionTest {
    private static Session session;
    private static List<String> startupProblems;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() {
        session = new Session(System.getProperty("java.class.path"));
        startupProblems = Startup.run(session.shell(), List.of());
    }

    @AfterAll
    static void stop() {
        session.close();
        TIMER.shutdownNow();
    }

    private static List<String> errorLines(String cell) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> session.eval(cell));
        return CellErrors.format(e, session::describe);
    }

    @Test
    void startupImportsTheLayerwiseApiSoTheFirstCellCanBuildAModel() {
        assertEquals(List.of(), startupProblems);
        assertInstanceOf(Sequential.class, session.eval("var first = new Sequential();\nfirst"));
    }

    @Test
    void aFailingStartupLineIsSkippedAndReportedWhileTheRestRuns() {
        List<String> problems = Startup.run(session.shell(), List.of("import no.such.pkg.Thing;", "int afterStartup = 7;"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("skipped `import no.such.pkg.Thing;`"), problems.get(0));
        assertEquals(7, session.eval("afterStartup"));
    }

    @Test
    void anExpressionsValueComesBackAsTheJavaObjectItself() {
        Object v = session.eval("var shown = new Sequential();\nshown.add(new Dense(4).inputShape(784));\nshown");
        assertEquals(3140, ((Sequential) v).countParams());
    }

    @Test
    void aTrailingSemicolonHidesTheValueEvenBeforeAComment() {
        assertNull(session.eval("1 + 2; // hidden"));
        assertEquals(3, session.eval("1 + 2 // shown"));
    }

    @Test
    void declarationsShowNothingAndKeepTheirValueForLaterCells() {
        assertNull(session.eval("int declared = 20;"));
        assertEquals(40, session.eval("declared * 2"));
    }

    @Test
    void aCompileErrorPointsAtTheBadSpanWithTheCellLine() {
        assertEquals(List.of("Compile error at line 2: cannot find symbol", "    int b = undefinedThing + 1;",
                "            ^^^^^^^^^^^^^^", "  symbol:   variable undefinedThing"), errorLines("int a = 1;\nint b = undefinedThing + 1;"));
    }

    @Test
    void aLayerwiseErrorKeepsItsExplanationUnderItsKindAndLosesTheStackTrace() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> session.eval("new Sequential().add(new Dense(3).inputShape(4)).add(new Conv2D(2, 3))"));
        assertInstanceOf(ShapeException.class, e);
        List<String> lines = CellErrors.format(e, session::describe);
        assertEquals("ShapeException: " + e.getMessage(), String.join("\n", lines));
    }

    @Test
    void anOtherExceptionShowsATrimmedTraceWithLinesOfTheCell() {
        assertEquals(List.of("java.lang.IllegalStateException: boom", "    at fails(), line 2 of this cell",
                "    at cell code, line 4 of this cell"),
                errorLines("void fails() {\n    throw new IllegalStateException(\"boom\");\n}\nfails();"));
    }

    @Test
    void aStackOverflowEndsTheCellNotTheSession() {
        List<String> lines = errorLines("int deep(int n) { return n == 0 ? 0 : 1 + deep(n - 1); }\ndeep(100_000_000)");
        assertEquals("java.lang.StackOverflowError", lines.get(0));
        assertTrue(lines.size() < 8, "repeated frames should be folded: " + lines);
        assertEquals(5, session.eval("2 + 3"));
    }

    @Test
    void anInterruptStopsABusyLoopAndTheSessionStaysUsable() {
        TIMER.schedule(session::interrupt, 500, TimeUnit.MILLISECONDS);
        assertThrows(CellErrors.Interrupted.class, () -> session.eval("long spins = 0;\nwhile (true) { spins++; }"));
        assertEquals(4, session.eval("2 + 2"));
    }

    @Test
    void anInterruptEndsASleep() {
        TIMER.schedule(session::interrupt, 500, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        assertThrows(CellErrors.Interrupted.class, () -> session.eval("Thread.sleep(60_000)"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void classesInOneCellMayReferToEachOther() {
        Object v = session.eval("class Ping { Pong next() { return new Pong(); } }\n"
                + "class Pong { Ping next() { return new Ping(); } }\nnew Ping().next().next().getClass().getSimpleName()");
        assertEquals("Ping", v);
    }

    @Test
    void completionOffersLayerwiseClasses() {
        CellTools.Completion c = new CellTools(session).complete("var m = new Sequ", 16);
        assertTrue(c.options().contains("Sequential("), c.options().toString());
        assertEquals(12, c.start());
    }

    @Test
    void inspectionShowsAVariablesTypeAndValue() {
        session.eval("int inspected = 5;");
        assertEquals("int inspected = 5", new CellTools(session).inspect("inspected + 1", 3));
    }

    @Test
    void anOpenBlockIsIncompleteAndAStatementIsComplete() {
        CellTools tools = new CellTools(session);
        assertEquals(CellTools.Status.INCOMPLETE, tools.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(CellTools.Status.COMPLETE, tools.isComplete("int c = 3;"));
    }

    @Test
    void theSemicolonRuleIgnoresCommentsButNotStrings() {
        assertTrue(Session.endsWithSemicolon("x; /* note */"));
        assertFalse(Session.endsWithSemicolon("\"a;\" + \"// b\""));
        assertFalse(Session.endsWithSemicolon("x // ends with;"));
    }

    @Test
    void systemExitEndsTheCellWithANoteAndTheSessionKeepsItsVariables() {
        session.eval("int beforeExit = 6;");
        assertEquals(List.of("SystemExit: System.exit(3) was called in a cell. The kernel keeps running and keeps your variables;"
                + " use Kernel > Restart to start over."), errorLines("System.exit(3);"));
        assertEquals(7, session.eval("beforeExit + 1"));
    }

    @Test
    void runtimeHaltAndRuntimeExitAreRefusedLikeSystemExit() {
        assertTrue(errorLines("Runtime.getRuntime().halt(1);").get(0).startsWith("SystemExit: Runtime.halt(1) was called in a cell."));
        assertTrue(errorLines("Runtime.getRuntime().exit(2);").get(0).startsWith("SystemExit: Runtime.exit(2) was called in a cell."));
        assertTrue(errorLines("java.util.function.IntConsumer quit = System::exit;\nquit.accept(4);").get(0)
                .startsWith("SystemExit: System.exit(4) was called in a cell."));
    }

    @Test
    void anInterruptStopsALoopInAMethodTheCellDeclared() {
        TIMER.schedule(session::interrupt, 300, TimeUnit.MILLISECONDS);
        assertThrows(CellErrors.Interrupted.class, () -> session.eval("void spin() { while (true) { } }\nspin();"));
        assertEquals(4, session.eval("2 + 2"));
    }

    @Test
    void anInterruptStopsALoopThatSwallowsEveryThrowable() {
        TIMER.schedule(session::interrupt, 300, TimeUnit.MILLISECONDS);
        assertThrows(CellErrors.Interrupted.class,
                () -> session.eval("while (true) { try { Thread.sleep(10); } catch (Throwable ignored) { } }"));
        assertEquals(4, session.eval("2 + 2"));
    }

    @Test
    void aRuntimeErrorPointsAtTheLineOfTheStatementThatFailed() {
        assertEquals(List.of("java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 2",
                "    at cell code, line 2 of this cell"), errorLines("int[] arr = new int[2];\narr[5] = 1;"));
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "    at cell code, line 2 of this cell"),
                errorLines("int q = 0;\nq = 1 / q;"));
    }

    @Test
    void aNullPointerNamesTheVariableAsTheStudentWroteIt() {
        List<String> lines = errorLines("String nothing = null;\nnothing.length()");
        assertEquals("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"nothing\" is null", lines.get(0));
    }

    @Test
    void aCellThatAsksForMoreThanTheHeapGetsAnExplanationAndTheSessionGoesOn() {
        List<String> lines = errorLines("long[] huge = new long[Integer.MAX_VALUE - 8];");
        assertTrue(lines.get(0).startsWith("OutOfMemory: the cell needed more memory than the kernel has"), lines.toString());
        assertEquals(5, session.eval("2 + 3"));
    }

    @Test
    void aNotebookShowsTheKindOfErrorInRedAsIPythonDoes() {
        assertEquals(List.of("\u001b[0;31mShapeException\u001b[0m: Input 0 is incompatible", "  Fix: reshape"),
                CellErrors.colored(List.of("ShapeException: Input 0 is incompatible", "  Fix: reshape")));
    }
}
