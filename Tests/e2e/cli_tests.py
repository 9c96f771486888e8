"""The command line, run as a user would: exit codes, messages, formats, and that the data directory is only read."""
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample-data", "gloucestershire")


def run(binary, *args, env=None):
    e = dict(os.environ)
    e.pop("CSDASH_DATA", None)
    # The user's own config file must not change what these tests see.
    e["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="csdash-cfg-")
    e.update(env or {})
    p = subprocess.run([binary, *args], capture_output=True, text=True, env=e, timeout=60)
    return p.returncode, p.stdout, p.stderr


def copy_sample():
    d = tempfile.mkdtemp(prefix="csdash-e2e-")
    dst = os.path.join(d, "data")
    shutil.copytree(SAMPLE, dst)
    return dst


def snapshot_tree(path):
    out = {}
    for root, _, files in os.walk(path):
        for f in files:
            p = os.path.join(root, f)
            st = os.stat(p)
            out[p] = (st.st_size, st.st_mtime_ns)
    return out


def test_check_clean_sample(binary):
    code, out, err = run(binary, "check", SAMPLE)
    assert code == 0, (code, out, err)
    assert "33 indicators in 4 panels" in out and "0 errors" in out, out


def test_check_reports_every_error_with_file_and_line(binary):
    d = copy_sample()
    with open(os.path.join(d, "history", "social-care.csv"), "a") as f:
        f.write("nosuch,2021/22 Q2,1,,,\ncontacts,2021/22 Q2,abc,,,\n")
    code, out, err = run(binary, "check", d)
    assert code == 65, (code, out, err)
    lines = [l for l in out.splitlines() if ": error: " in l]
    assert len(lines) == 2, out
    assert lines[0].endswith("social-care.csv:112: error: unknown indicator 'nosuch' (not in indicators.yaml) (column 'indicator')"), lines[0]
    assert "social-care.csv:113: error: non-numeric value 'abc' (column 'value')" in lines[1], lines[1]


def test_check_missing_directory_and_file(binary):
    code, _, err = run(binary, "check", "/nonexistent/dir")
    assert code == 66 and "no such data directory" in err, (code, err)
    d = tempfile.mkdtemp()
    code, _, err = run(binary, "check", d)
    assert code == 66 and "indicators.yaml is missing" in err, (code, err)


def test_report_refuses_bad_data(binary):
    d = copy_sample()
    with open(os.path.join(d, "indicators.yaml"), "a") as f:
        f.write("  - id: broken\n    panel: nowhere\n    title: B\n    unit: percent\n    polarity: up\n    frequency: quarterly\n")
    code, out, err = run(binary, "report", d)
    assert code == 65, (code, out, err)
    assert "unknown panel 'nowhere'" in err and "csdash check" in err, err


def test_report_json_and_default_data(binary):
    code, out, err = run(binary, "report", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["period"] == "2021/22 Q2"
    ids = {i["id"]: i for i in doc["indicators"]}
    assert ids["initial-decisions"]["status"] == "worse"
    assert ids["audits-ri"]["status"] == "within"
    code, out2, _ = run(binary, "report", "--format", "json", env={"CSDASH_DATA": SAMPLE})
    assert code == 0 and out2 == out


def test_report_period_and_formats(binary):
    code, out, err = run(binary, "report", SAMPLE, "--period", "Q1 2021/22", "--format", "markdown")
    assert code == 0, err
    assert "Q1 2021/22" in out and "| Audits judged Requires Improvement or better | Q1 21/22 | 89% | ≥88% (tolerance 2pp) | better |" in out, out
    code, out, err = run(binary, "report", SAMPLE, "--format", "csv")
    assert code == 0 and out.startswith("record,panel,id,title"), out[:100]
    code, _, err = run(binary, "report", SAMPLE, "--period", "spring")
    assert code == 64 and "unreadable period" in err, (code, err)
    # The form the screen shows is accepted; a quarter after the latest data is refused.
    code, out, err = run(binary, "report", SAMPLE, "--period", "Q1 21/22")
    assert code == 0 and "Q1 2021/22" in out, (code, err)
    # (The sample opens at Q2 21/22, but its imported DfE years run to March 2025.)
    code, _, err = run(binary, "snapshot", SAMPLE, "--period", "Q1 25/26")
    assert code == 64 and "Q1 25/26 is after the latest data (Q4 24/25)" in err, (code, err)


def test_data_directory_is_never_written(binary):
    d = copy_sample()
    before = snapshot_tree(d)
    for args in (["check", d], ["report", d], ["report", d, "--format", "json"],
                 ["snapshot", d, "--size", "120x40"], ["config", "--data", d]):
        code, out, err = run(binary, *args)
        assert code == 0 and out, (args, code, err)
    assert snapshot_tree(d) == before


def test_version_and_help(binary):
    code, out, _ = run(binary, "--version")
    assert code == 0 and out.strip(), out
    code, out, _ = run(binary, "--help")
    assert code == 0 and "check" in out and "report" in out, out


def test_named_subcommands_keep_the_roots_messages(binary):
    """Help, usage errors and validation of a subcommand name `csdash SUBCOMMAND`, with the exit codes of
    swift-argument-parser (0 for help and --version, 64 for usage)."""
    code, out, _ = run(binary, "snapshot", "--help")
    assert code == 0 and "USAGE: csdash snapshot" in out, out
    code, _, err = run(binary, "snapshot", SAMPLE, "--bogus")
    assert code == 64 and "Unknown option '--bogus'" in err and "csdash snapshot" in err, err
    code, _, err = run(binary, "check", SAMPLE, "--size", "1x1")
    assert code == 64 and "csdash check" in err, err
    code, _, err = run(binary, "snapshot", SAMPLE, "--depth", "12")
    assert code == 64 and "--depth must be auto" in err and "csdash snapshot" in err, err
    code, out, _ = run(binary, "snapshot", "--version")
    assert code == 0 and out.strip() == run(binary, "--version")[1].strip(), out
    code, out, _ = run(binary, "import")
    assert code == 0 and "USAGE: csdash import" in out, out
    code, out, _ = run(binary, "snapshot", SAMPLE, "--size", "120x30")
    assert code == 0 and "Children's Services Performance" in out, out


def test_yaml_syntax_error_at_its_line_and_character(binary):
    d = copy_sample()
    p = os.path.join(d, "indicators.yaml")
    lines = open(p, encoding="utf-8").read().split("\n")
    n = next(i for i, l in enumerate(lines) if i > 80 and l.startswith("    title: "))
    lines[n] = lines[n].replace("title: ", "title: X\x01", 1)
    open(p, "w", encoding="utf-8").write("\n".join(lines))
    code, out, err = run(binary, "check", d)
    assert code == 65, (code, out, err)
    first = next(l for l in out.splitlines() if ": error: " in l)
    assert first.endswith(f"indicators.yaml:{n + 1}:13: error: YAML syntax: control characters are not allowed (U+0001)"), first


def test_over_long_yaml_line_is_one_error_and_the_rest_loads(binary):
    d = copy_sample()
    p = os.path.join(d, "indicators.yaml")
    text = open(p, encoding="utf-8").read()
    lines = text.split("\n")
    n = next(i for i, l in enumerate(lines) if l.startswith("    commentary:"))
    lines[n] = "    commentary: " + "word " * 1_000_000
    open(p, "w", encoding="utf-8").write("\n".join(lines))
    code, out, err = run(binary, "check", d)
    errors = [l for l in out.splitlines() if ": error: " in l]
    assert code == 65 and len(errors) == 1, (code, out[:2000], err[:2000])
    assert errors[0].endswith(f"indicators.yaml:{n + 1}: error: line {n + 1} is 4.8 MiB long; csdash reads lines of "
                              "at most 1 MiB (see docs/data-format.md, Limits): its value is left out"), errors[0]
    assert "33 indicators in 4 panels" in out + err, (out, err)
    # The dashboard starts on the rest, with the one problem in its banner and every panel drawn.
    from tmux_session import TmuxSession
    t = TmuxSession(f"{binary} {d}; echo CSDASH-EXITED $?; sleep 60", w=200, h=60)
    try:
        s = t.wait_for(lambda s: "1 data problem" in s and "4 Education" in s, "the first frame with its banner")
        assert f"indicators.yaml:{n + 1}: line {n + 1} is 4.8 MiB long" in s, s
        t.keys("q")
        t.wait("CSDASH-EXITED 0")
    finally:
        t.close()
