package layerwise.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Several notebooks' grades as one table. */
class GradeTableTest {

    @Test
    void oneRowPerNotebookWithAColumnPerExercise() {
        GradeTable t = new GradeTable(List.of("a", "b"))
                .add("alice.ipynb", "alice", Map.of("a", 2.0, "b", 1.5), 3.5, 4, "")
                .add("bob.ipynb", "bob", Map.of("a", 1.0), 1, 4, "code cell 2 threw java.lang.RuntimeException");
        assertEquals(List.of("notebook", "student_id", "a", "b", "total", "max", "reason"), t.table().columnNames());
        assertEquals(0.0, t.table().doubleColumn("b").get(1));
        assertEquals("""
                notebook,student_id,a,b,total,max,reason
                alice.ipynb,alice,2.0,1.5,3.5,4.0,
                bob.ipynb,bob,1.0,0.0,1.0,4.0,code cell 2 threw java.lang.RuntimeException
                """, t.toCsv().replace("\r\n", "\n"));
    }
}
