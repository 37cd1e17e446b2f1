package layerwise.error;

/**
 * An error a learner made, explained: which layer, what was expected, what was got, why, and the fix.
 * The kernel and the command line show these without a stack trace.
 */
public class NnException extends RuntimeException {
    private final Problem problem;

    public NnException(Problem problem) {
        super(problem.toText());
        this.problem = problem;
    }

    public NnException(Problem problem, Throwable cause) {
        super(problem.toText(), cause);
        this.problem = problem;
    }

    public Problem problem() { return problem; }
    public String headline() { return problem.headline(); }
    public String where() { return problem.where(); }
    public String expected() { return problem.expected(); }
    public String got() { return problem.got(); }
    public String why() { return problem.why(); }
    public String fix() { return problem.fix(); }
}
