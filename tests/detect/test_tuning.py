"""Threshold tuning: the lowest threshold on a flat bottom of the cost curve."""

from __future__ import annotations

from optout.detect.train import GRID, best_threshold

# 300 opt-outs no threshold on the grid catches, one everyday reply the model scores 0.6,
# and 50 opt-outs it is sure of: every threshold misses the 300, and those at or under
# 0.6 also opt the everyday reply out (cost 5), so the least cost (300) lies above 0.6.
ROWS = [(0.1, True)] * 300 + [(0.6, False)] + [(0.95, True)] * 50


def test_without_tolerance_the_lowest_of_the_least_costly_thresholds_is_taken():
    threshold = best_threshold(ROWS, 5.0, 0.0, GRID)
    assert 0.6 < threshold < 0.7  # not the highest of the equals (0.93), which would miss more


def test_a_threshold_within_the_tolerance_of_the_least_cost_is_taken_lower():
    assert best_threshold(ROWS, 5.0, 0.02, GRID) < 0.6  # 305 is within 2% of 300
    assert best_threshold(ROWS, 5.0, 0.005, GRID) > 0.6  # but not within 0.5%


def test_a_costly_false_opt_out_keeps_the_threshold_above_it():
    rows = [(0.9, True)] * 20 + [(0.5, False)] * 10
    assert best_threshold(rows, 5.0, 0.02, GRID) > 0.5
