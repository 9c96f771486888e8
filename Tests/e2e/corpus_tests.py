"""The bad-input corpus and the valid-but-extreme corpus (Tests/Corpus/corpus.py), walked with the real binary.

Every bad case: `check`, `report` and `snapshot` each exit with the case's status (65 or 66), name the file
(and line where there is one), never crash and never take 5 seconds. Every extreme case: `check` passes it,
and every report format and the views render it.
"""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Corpus"))
import corpus  # noqa: E402

LIMIT = 5.0  # seconds, per command


def as_user():
    """Root reads any file whatever its mode: run as nobody so that an unreadable file is unreadable."""
    if os.geteuid() == 0 and shutil.which("setpriv"):
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return []


def run(binary, *args, timeout=LIMIT * 4):
    env = {k: v for k, v in os.environ.items() if k != "CSDASH_DATA"}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
    start = time.monotonic()
    p = subprocess.run(as_user() + [binary, *args], capture_output=True, text=True, env=env, timeout=timeout,
                       errors="replace")
    return p.returncode, p.stdout + p.stderr, time.monotonic() - start


_generated = None


def cases():
    """Every bad case as (name, path, status, fragment); generated ones are built once per run."""
    global _generated
    out = []
    for name, (_, status, fragment) in corpus.CASES.items():
        out.append((name, os.path.join(corpus.BAD, name), status, fragment))
    for name, (status, fragment) in corpus.SPECIAL.items():
        out.append((name, os.path.join(corpus.BAD, name), status, fragment))
    if _generated is None:
        tmp = tempfile.mkdtemp(prefix="csdash-corpus-")
        atexit.register(shutil.rmtree, tmp, True)
        os.chmod(tmp, 0o755)  # nobody must reach it (see as_user)
        _generated = corpus.generated(tmp)
        for root, dirs, _ in os.walk(tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
    for name, (status, fragment) in corpus.GENERATED.items():
        out.append((name, _generated[name], status, fragment))
    return out


def test_bad_corpus_has_at_least_30_cases(binary):
    assert len(cases()) >= 30, len(cases())


def test_every_bad_case_fails_clearly_and_fast(binary):
    failures = []
    for name, path, status, fragment in cases():
        for args in (["check", path], ["report", path], ["report", path, "--format", "json"],
                     ["snapshot", path, "--size", "80x24"]):
            code, out, took = run(binary, *args)
            what = f"{name}: {' '.join(args[:1] + args[2:])}"
            if code != status:
                failures.append(f"{what}: exit {code}, expected {status}\n{out[-600:]}")
            if took > LIMIT:
                failures.append(f"{what}: took {took:.1f}s")
            if "Fatal error" in out or "Backtracing" in out:
                failures.append(f"{what}: crashed\n{out[-600:]}")
            # check names the exact place; report and snapshot at least the file.
            want = fragment if args[0] == "check" else fragment.split(":")[0].split(" error")[0]
            if want not in out:
                failures.append(f"{what}: no '{want}' in\n{out[-600:]}")
            if args[0] == "report" and code != 0 and ("Indicator" in out.split("error")[0]):
                failures.append(f"{what}: printed a report from bad data")
    assert not failures, "\n".join(failures)


def extreme_dirs():
    return sorted(os.path.join(corpus.EXTREME, d) for d in os.listdir(corpus.EXTREME))


def test_every_extreme_case_passes_check_and_renders(binary):
    failures = []
    for path in extreme_dirs():
        name = os.path.basename(path)
        code, out, took = run(binary, "check", path)
        if code != 0 or " 0 errors" not in out:
            failures.append(f"{name}: check exit {code}\n{out[-400:]}")
        for fmt in ("text", "markdown", "csv", "json"):
            code, out, took = run(binary, "report", path, "--format", fmt)
            if code != 0:
                failures.append(f"{name}: report {fmt} exit {code}\n{out[-400:]}")
        text = open(os.path.join(path, "indicators.yaml")).read().split("\nindicators:\n", 1)[1]
        indicators = [line.split("id:")[1].strip() for line in text.split("\n") if line.startswith("  - id:")]
        views = ["overview", "risks", "help"] + [f"indicator:{i}" for i in indicators[:3] + indicators[-1:]]
        if os.path.exists(os.path.join(path, "risks.yaml")):
            views.append("risk:" + [l.split("id:")[1].strip() for l in open(os.path.join(path, "risks.yaml"))
                                    if l.strip().startswith("- id:")][-1])
        for view in views:
            for size in ("80x24", "200x60"):
                code, out, took = run(binary, "snapshot", path, "--size", size, "--view", view, "--color", "always")
                if code != 0 or took > LIMIT:
                    failures.append(f"{name}: snapshot {view} {size} exit {code} in {took:.1f}s\n{out[-400:]}")
    assert not failures, "\n".join(failures)


def test_hostile_text_never_reaches_the_terminal_raw(binary):
    """A title that tries to drive the terminal (ESC ] 0 ; ... BEL ESC [ 2 J and a right-to-left override) in snapshots and reports."""
    import re
    path = os.path.join(corpus.EXTREME, "hostile-text")
    outputs = []
    for view in ("overview", "indicator:turnover", "risks", "risk:R1"):
        for color in ("never", "always"):
            code, out, _ = run(binary, "snapshot", path, "--size", "120x40", "--view", view, "--color", color)
            assert code == 0, out
            outputs.append((f"snapshot {view} {color}", re.sub(r"\x1b\[[0-9;]*m", "", out)))
    for fmt in ("text", "markdown", "csv", "json"):
        code, out, _ = run(binary, "report", path, "--format", fmt)
        assert code == 0, out
        outputs.append((f"report {fmt}", out))
    code, out, _ = run(binary, "check", path)
    outputs.append(("check", out))
    for what, out in outputs:
        bad = [c for c in out if (ord(c) < 32 and c not in "\n\r") or 0x7f <= ord(c) <= 0x9f
               or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
        assert not bad, f"{what}: {[hex(ord(c)) for c in bad[:5]]}"
    assert any("␛]0;pwned␇␛[2J" in out for _, out in outputs), "the title is shown, defused"
