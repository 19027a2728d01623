"""Commands around the detector: classify, eval, train."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import track

from optout.detect import Detector
from optout.detect.corpus.variants import real_variant
from optout.detect.evaluation import OUTCOMES, Evaluation, detects_opt_out, evaluate
from optout.detect.feedback import parse_feedback, training_lines
from optout.detect.labels import Label, LabelledReply, parse_labelled
from optout.domain import ReplyContext
from optout.exceptions import InvalidInput

T = TypeVar("T")

PROGRESS_FROM_LINES = 2_000
"""Show a progress bar (on a terminal) only for inputs at least this long."""


def _read(path: Path) -> str:
    """Return the text of ``path`` (``-`` for stdin), or stop with a clear message."""
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"no such file: {path}")
    except (IsADirectoryError, UnicodeDecodeError) as error:
        _fail(f"cannot read {path} as UTF-8 text: {error}")


def _fail(message: str) -> NoReturn:
    """Print ``message`` on stderr and stop with exit status 1."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _with_progress(lines: list[T]) -> Iterable[T]:
    """Wrap long inputs in a progress bar on stderr when stderr is a terminal."""
    if len(lines) < PROGRESS_FROM_LINES or not sys.stderr.isatty():
        return lines
    return track(lines, description="classifying", console=Console(stderr=True))


def classify(
    texts: Annotated[list[str] | None, typer.Argument(help="Messages to classify.")] = None,
    input_path: Annotated[
        Path | None,
        typer.Option(
            "--input",
            "-i",
            help='A file with one message per line, or JSON lines {"body": ..., "prompt": ...};'
            " - for stdin.",
        ),
    ] = None,
    keywords: Annotated[
        list[str] | None,
        typer.Option(
            "--keyword", "-k", help="An opt-out keyword the sender declared (repeatable)."
        ),
    ] = None,
    prompt: Annotated[
        str | None, typer.Option("--prompt", help="The text the messages answer, for context.")
    ] = None,
) -> None:
    """Print one JSON decision per message, in order (blank lines included)."""
    items = [(text, prompt) for text in texts or []]
    if input_path is not None:
        lines = _read(input_path).split("\n")[:-1] or [""]
        items.extend(_message(line, number, prompt) for number, line in enumerate(lines, 1))
    detector = Detector()
    declared = tuple(keywords or ())
    for text, answered in _with_progress(items):
        context = ReplyContext(answered, declared) if answered or declared else None
        decision = detector.decide(text, context=context)
        typer.echo(json.dumps({"text": text, **decision.to_dict()}, ensure_ascii=False))


def _message(line: str, number: int, prompt: str | None) -> tuple[str, str | None]:
    """Return the message on one input line and the text it answers (JSON lines or plain)."""
    if not line.startswith("{"):
        return line, prompt
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return line, prompt  # a message that merely opens with a brace
    if not isinstance(item, dict) or not isinstance(item.get("body"), str):
        _fail(f'line {number}: a JSON line needs a "body" string')
    answered = item.get("prompt", prompt)
    if answered is not None and not isinstance(answered, str):
        _fail(f'line {number}: "prompt" must be a string')
    return item["body"], answered


def eval_command(
    path: Annotated[Path, typer.Argument(help="A LABEL<TAB>text file, or an unlabelled one.")],
    negatives: Annotated[
        bool, typer.Option("--negatives", help="PATH holds only replies that are not opt-outs.")
    ] = False,
) -> None:
    """Score the detector on a labelled file, or count false opt-outs in a negative one."""
    content = _read(path)
    if negatives:
        _report_negatives([line for line in content.split("\n") if line.strip()])
        return
    try:
        replies = parse_labelled(content, source=str(path))
    except InvalidInput as error:
        _fail(error.message)
    _report(evaluate(Detector(), replies))


def _report_negatives(lines: list[str]) -> None:
    """Print the false-positive rate on all-negative replies and every hit."""
    decisions = Detector().decide_many(lines)
    hits = [(t, d) for t, d in zip(lines, decisions, strict=True) if detects_opt_out(d)]
    rate = len(hits) / max(len(lines), 1)
    typer.echo(f"replies: {len(lines)}  false positives: {len(hits)}  rate: {rate:.4%}")
    for text, decision in hits:
        typer.echo(f"  {decision.action.value:8} {decision.reason}  <<{text}>>")


def _report(evaluation: Evaluation) -> None:
    """Print recall, false-positive rate, keyword exactness, confusion and mistakes."""
    typer.echo(f"scored replies:      {len(evaluation.scored)}")
    typer.echo(f"opt-out recall:      {evaluation.recall:.4f}")
    typer.echo(f"false-positive rate: {evaluation.false_positive_rate:.4f}")
    typer.echo(f"keyword exactness:   {evaluation.keyword_exactness:.4f}")
    for line in _confusion_lines(evaluation):
        typer.echo(line)
    mistakes = evaluation.mistakes
    typer.echo(f"mistakes: {len(mistakes)}")
    for item in mistakes:
        verdict = "missed" if item.reply.label.opts_out else "false"
        typer.echo(f"  {verdict:6} line {item.reply.line:5} {item.reply.label:4} {item.reply.text}")
        typer.echo(f"         -> {item.decision.action.value}: {item.decision.reason}")


def _confusion_lines(evaluation: Evaluation) -> Iterator[str]:
    """Yield the confusion table: labels down, outcomes across."""
    yield "confusion (label \\ outcome):"
    yield "       " + "".join(f"{name:>10}" for name in OUTCOMES)
    for label in Label:
        counts = evaluation.confusion.get(label)
        if counts:
            yield f"  {label:5}" + "".join(f"{counts[name]:>10}" for name in OUTCOMES)


def training_replies(corpus: Path) -> tuple[list[LabelledReply], list[str]]:
    """Return the training replies and their cross-validation groups.

    They are ``corpus/train.tsv`` (grouped by ``train.groups.tsv`` when it exists) plus
    every ``*.tsv`` in the package's ``detect/supplement/`` folder, each line with a noisy
    variant of itself in its group.
    """
    source = corpus / "train.tsv"
    replies = _parse(source)
    groups = _groups(corpus / "train.groups.tsv", replies) or [f"train:{r.line}" for r in replies]
    supplement = Path(str(resources.files("optout.detect").joinpath("supplement")))
    for path in sorted(supplement.glob("*.tsv")):
        extra = _parse(path)
        replies.extend(extra)
        groups.extend(f"{path.name}:{reply.line}" for reply in extra)
        noisy = [n for r in extra if (n := noisy_like_a_phone(r)).text != r.text]
        replies.extend(noisy)
        groups.extend(f"{path.name}:{reply.line}" for reply in noisy)
    return replies, groups


def noisy_like_a_phone(reply: LabelledReply) -> LabelledReply:
    """Return a chat reply mangled as the train split's opt-outs are, from a seed of its own.

    Typos, case and emoji then mark neither side: the model cannot learn that a messy
    reply is an opt-out because only opt-outs were made messy.
    """
    rng = random.Random(f"supplement:{reply.text}")
    return LabelledReply(reply.label, real_variant(reply.text, rng), reply.line)


def _parse(path: Path) -> list[LabelledReply]:
    """Return the labelled replies of ``path``, or stop naming the bad line."""
    try:
        return parse_labelled(_read(path), source=str(path))
    except InvalidInput as error:
        _fail(error.message)


def train(
    corpus: Annotated[
        Path | None, typer.Option(help="Folder with train.tsv (default: the shipped corpus).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Folder to write the model to (default: the package's).")
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only tell whether the shipped model is current."),
    ] = False,
    feedback: Annotated[
        Path | None,
        typer.Option(
            help="JSON lines of 'optout feedback export' to add to the training split "
            "(needs --out: the shipped model is not replaced)."
        ),
    ] = None,
) -> None:
    """Train the intent model on train.tsv and write intent.json and intent.npz."""
    from optout.detect.train import train_intent_model

    verdicts = _feedback(feedback, out, check)
    folder = corpus or Path(str(resources.files("optout.detect").joinpath("corpus")))
    replies, groups = training_replies(folder)
    if check:
        _check_model_is_current(replies)
        return
    extra, extra_groups = training_lines(verdicts)
    exported = train_intent_model(replies + extra, groups=groups + extra_groups)
    if verdicts:
        typer.echo(f"trained with {len(verdicts)} verdicts from {feedback}")
    target = out or Path(str(resources.files("optout.detect").joinpath("model")))
    target.mkdir(parents=True, exist_ok=True)
    (target / "intent.json").write_bytes(exported.config)
    (target / "intent.npz").write_bytes(exported.arrays)
    metadata = json.loads(exported.config)["metadata"]
    typer.echo(f"wrote {target}/intent.json and intent.npz: {json.dumps(metadata)}")


def _feedback(path: Path | None, out: Path | None, check: bool) -> list[LabelledReply]:
    """Return the verdicts of a feedback file, or stop saying what is wrong with it."""
    if path is None:
        return []
    if check:
        _fail("--check tells whether the shipped model is current; leave out --feedback")
    if out is None:
        _fail("--feedback trains a model of your own: give --out FOLDER to write it to")
    try:
        return parse_feedback(_read(path), source=str(path))
    except InvalidInput as error:
        _fail(error.message)


def _check_model_is_current(replies: list[LabelledReply]) -> None:
    """Stop with a clear message if the shipped model was trained on another corpus or book."""
    from optout.detect.model import IntentModel
    from optout.detect.phrasebook import phrase_book_digest
    from optout.detect.train import corpus_digest

    metadata = IntentModel.shipped().metadata
    if metadata.get("corpus_sha256") != corpus_digest(replies):
        _fail("the corpus changed since the shipped model was trained: run `optout train`")
    if metadata.get("phrase_book_sha256") != phrase_book_digest():
        _fail("the phrase patterns changed since the model was trained: run `optout train`")
    typer.echo("the shipped model is current")


def _groups(path: Path, replies: list[LabelledReply]) -> list[str] | None:
    """Return each reply's cross-validation group from the file beside the split, if any."""
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").split("\n")
    return [lines[reply.line - 1].partition("\t")[2] for reply in replies]


def register(app: typer.Typer) -> None:
    """Add the detector commands to ``app``."""
    app.command()(classify)
    app.command("eval")(eval_command)
    app.command()(train)
