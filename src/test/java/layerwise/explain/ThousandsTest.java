package layerwise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Grouping by thousands written by hand must agree with String.format("%,d") in English. */
class ThousandsTest {

    @Test
    void groupsLikeFormatForSmallLargeAndNegativeNumbers() {
        for (long n : new long[] {0, 7, 999, 1000, 9_470_464, 123_456_789_012L, -1, -1234, -999_999, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(String.format(java.util.Locale.ENGLISH, "%,d", n), Explanation.thousands(n), Long.toString(n));
        }
    }
}
