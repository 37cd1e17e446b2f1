package layerwise.exercise;

import layerwise.error.NnException;
import layerwise.error.Problem;

/**
 * Thrown by an exercise stub the student has yet to write:
 * {@code throw new NotImplementedYet("Exercise 5: write the output-size formula")}. The kernel shows
 * it without a stack trace, like every explained error.
 */
public class NotImplementedYet extends NnException {
    public NotImplementedYet(String what) {
        super(Problem.at(what)
                .headline("Not implemented yet: " + what)
                .expected("your code in place of the throw statement")
                .got("the exercise stub")
                .fix("replace `throw new NotImplementedYet(…)` with your solution, then run the cell again"));
    }
}
