package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Median and range of windows, and when the warm-up may end. */
class WindowStatisticsTest {

    @Test
    void medianAndRangeOfAnOddAndAnEvenNumberOfWindows() {
        Spread odd = Spread.of(92, 100, 97);
        assertEquals(97, odd.median());
        assertEquals(92, odd.min());
        assertEquals(100, odd.max());
        assertEquals(3, odd.n());
        assertEquals(4.0 / 97, odd.relativeHalfRange(), 1e-9);
        assertEquals("97.0 (92.0..100.0)", odd.toString());
        assertEquals(15, Spread.of(10, 20, 40, 5).median());
    }

    @Test
    void windowsWithoutDataAreLeftOut() {
        Spread s = Spread.of(Double.NaN, 30, Double.NaN);
        assertEquals(30, s.median());
        assertEquals(1, s.n());
        Spread none = Spread.of(List.of());
        assertTrue(Double.isNaN(none.median()));
        assertEquals("-", none.toString());
        assertTrue(Double.isNaN(none.relativeHalfRange()));
    }

    @Test
    void steadyWhenTheLastThreeWindowsAgreeWithinFivePercent() {
        assertFalse(SteadyState.reached(List.of()));
        assertFalse(SteadyState.reached(List.of(100.0, 100.0)));
        assertTrue(SteadyState.reached(List.of(100.0, 101.0, 99.0)));
        assertTrue(SteadyState.reached(List.of(20.0, 60.0, 98.0, 103.0, 100.0)));
        assertFalse(SteadyState.reached(List.of(90.0, 100.0, 100.0)), "one window 6.9 % below the mean");
    }

    @Test
    void notSteadyWhileStillRising() {
        // each within 5 % of the mean, but rising by more than 5 % across the three: the JIT is still at work
        assertFalse(SteadyState.reached(List.of(96.0, 100.0, 104.0)));
        assertTrue(SteadyState.reached(List.of(98.0, 100.0, 102.0)));
        // falling is steady enough: a warm system does not get faster by waiting
        assertTrue(SteadyState.reached(List.of(104.0, 100.0, 98.0)));
    }

    @Test
    void nothingMovingIsNotSteady() {
        assertFalse(SteadyState.reached(List.of(0.0, 0.0, 0.0)));
    }
}
