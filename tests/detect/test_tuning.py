"""Threshold tuning: a share of each group's negatives, and the strong veto's cost curve."""

from __future__ import annotations

from optout.detect.train import GRID, best_threshold, negatives_by_seed, share_threshold

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


def test_a_share_threshold_lets_about_that_share_of_the_negatives_through():
    negatives = [i / 1000 for i in range(1000)]
    assert share_threshold(negatives, 0.05) == 0.95  # the 95th percentile, on the grid
    assert share_threshold(negatives, 0.5) == 0.5
    assert share_threshold([0.1, 0.4, 0.62], 0.0) == 0.625  # none may: the first above them


def test_a_hard_sentence_counts_once_however_many_variants_it_has():
    everyday = {f"seed{i}": [i / 1000] for i in range(1000)}
    once = negatives_by_seed({**everyday, "hard": [0.99]})
    twelve_times = negatives_by_seed({**everyday, "hard": [0.99] * 12})
    assert share_threshold(once, 0.01) == share_threshold(twelve_times, 0.01)


def test_a_share_threshold_ignores_the_opt_outs_and_moves_little_with_new_negatives():
    negatives = [i / 1000 for i in range(1000)]
    before = share_threshold(negatives, 0.02)
    after = share_threshold([*negatives, 0.5, 0.6, 0.7], 0.02)  # three new everyday replies
    assert abs(after - before) <= 0.005
