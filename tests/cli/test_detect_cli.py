"""The detector's command line, run end to end as the installed ``optout`` program."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

OPTOUT = str(Path(sys.executable).with_name("optout"))
KEYS = ["text", "action", "trigger", "exclusion", "confidence", "reason", "span", "family"]


def run(
    *args: str, stdin: str | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``optout`` with ``args`` and return the finished process (a guard against hangs)."""
    return subprocess.run(
        [OPTOUT, *args], input=stdin, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_classify_arguments_print_one_json_object_each():
    result = run("classify", "STOP", "see you soon")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(row) for row in rows] == [KEYS, KEYS]
    assert [row["action"] for row in rows] == ["opt_out", "none"]
    assert rows[0]["trigger"] == "keyword"


def test_classify_input_keeps_order_and_blank_lines(tmp_path):
    path = tmp_path / "replies.txt"
    path.write_text("please take me off your list\n\nok thanks\n", encoding="utf-8")
    result = run("classify", "--input", str(path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["please take me off your list", "", "ok thanks"]
    assert [row["action"] for row in rows] == ["opt_out", "none", "none"]
    assert rows[0]["span"] and rows[0]["reason"]


def test_classify_reads_stdin():
    result = run("classify", "--input", "-", stdin="wrong number\n")
    assert json.loads(result.stdout)["action"] == "opt_out"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_classify_missing_file_says_so(tmp_path):
    result = run("classify", "--input", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "no such file" in result.stderr


def test_eval_reports_recall_false_positives_confusion_and_misses(tmp_path):
    path = tmp_path / "labelled.tsv"
    path.write_text(
        "KW\tSTOP\nAUTO\tstop texting me\nAUTO\tI would rather you did not\n"
        "NONE\tsee you at the bus stop\nIN\tSTART\nHELP\thelp\nSKIP\tcancel please\n",
        encoding="utf-8",
    )
    result = run("eval", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "opt-out recall:      0.6667" in out
    assert "false-positive rate: 0.0000" in out
    assert "keyword exactness" in out and "confusion" in out
    assert "missed line     3 AUTO I would rather you did not" in out


def test_eval_names_the_bad_line(tmp_path):
    path = tmp_path / "labelled.tsv"
    path.write_text("KW\tSTOP\nMAYBE\tstop it\n", encoding="utf-8")
    result = run("eval", str(path))
    assert result.returncode == 1
    assert "line 2" in result.stderr and "MAYBE" in result.stderr


def test_eval_line_without_tab(tmp_path):
    path = tmp_path / "labelled.tsv"
    path.write_text("KW STOP\n", encoding="utf-8")
    result = run("eval", str(path))
    assert result.returncode == 1 and "line 1" in result.stderr and "tab" in result.stderr


def test_eval_negatives_counts_false_positives(tmp_path):
    path = tmp_path / "negatives.txt"
    path.write_text("see you later\nwhat time is practice\nstop texting me\n", encoding="utf-8")
    result = run("eval", "--negatives", str(path))
    assert result.returncode == 0, result.stderr
    assert "false positives: 1" in result.stdout
    assert "stop texting me" in result.stdout


def _feedback_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "feedback.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


VERDICT = json.dumps(
    {"body": "pls take us out", "prompt": None, "decision": "none", "human_label": "opt_out",
     "family": None, "at": "2026-12-07T10:00:00+00:00"}
)  # fmt: skip


@pytest.mark.slow
def test_train_writes_a_loadable_model_with_the_feedback_in_its_training_split(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = []
    for index in range(40):
        lines.append(f"AUTO\tplease stop texting me {index}")
        lines.append(f"NONE\tsee you at the stop {index}")
    (corpus / "train.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    feedback = _feedback_file(tmp_path, VERDICT)
    args = ["--corpus", str(corpus), "--out", str(out), "--feedback", str(feedback)]
    result = run("train", *args, timeout=540)
    assert result.returncode == 0, result.stderr
    assert f"trained with 1 verdicts from {feedback}" in result.stdout
    from optout.cli.detect_commands import training_replies
    from optout.detect.feedback import FEEDBACK_COPIES
    from optout.detect.model import IntentModel

    model = IntentModel.from_bytes(
        (out / "intent.json").read_bytes(), (out / "intent.npz").read_bytes()
    )
    corpus_and_supplement, _groups = training_replies(corpus)
    assert model.metadata["examples"] == len(corpus_and_supplement) + FEEDBACK_COPIES


def test_train_with_feedback_names_a_malformed_line_before_training(tmp_path):
    feedback = _feedback_file(tmp_path, VERDICT, '{"body": "hi", "human_label": "yes"}')
    result = run("train", "--feedback", str(feedback), "--out", str(tmp_path / "model"))
    assert result.returncode == 1
    assert f"error: {feedback} line 2: human_label is 'yes'; use opt_out or not_opt_out" in (
        result.stderr
    )
    assert not (tmp_path / "model").exists()


def test_train_with_feedback_never_replaces_the_shipped_model_unasked(tmp_path):
    result = run("train", "--feedback", str(_feedback_file(tmp_path, VERDICT)))
    assert result.returncode == 1
    assert "give --out FOLDER" in result.stderr


def test_classify_reads_the_answered_text_and_declared_keywords(tmp_path):
    path = tmp_path / "replies.jsonl"
    lines = [
        json.dumps({"body": "Leave5Good", "prompt": "Reply LEAVE4GOOD to stop"}),
        "Leave5Good",
        json.dumps({"body": "who is tamara?", "prompt": "Hi Tamara! Bake sale Friday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("classify", "--input", str(path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["action"] for row in rows] == ["opt_out", "none", "opt_out"]
    assert [row["text"] for row in rows] == ["Leave5Good", "Leave5Good", "who is tamara?"]
    declared = run("classify", "--keyword", "BYEBYE", "bye bye", "see you")
    assert [json.loads(row)["trigger"] for row in declared.stdout.splitlines()] == ["keyword", None]


def test_classify_refuses_a_json_line_without_a_body(tmp_path):
    path = tmp_path / "replies.jsonl"
    path.write_text('{"prompt": "Reply STOP to end"}\n', encoding="utf-8")
    result = run("classify", "--input", str(path))
    assert result.returncode == 1
    assert 'line 1: a JSON line needs a "body" string' in result.stderr
