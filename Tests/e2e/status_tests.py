"""Where in time and what a status means, run as a user would: one latest quarter (the council's own data, never
the DfE's later years), missing data counted as "no data", implausible values warned of with file and line, and
a data error on the wall named relative to the data folder."""
import json
import os
import shutil
import subprocess
import tempfile

from tmux_session import SAMPLE, TmuxSession


def run(binary, *args):
    e = dict(os.environ)
    e.pop("CSDASH_DATA", None)
    e["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="csdash-cfg-")
    p = subprocess.run([binary, *args], capture_output=True, text=True, env=e, timeout=60)
    return p.returncode, p.stdout, p.stderr


def copy_sample():
    dst = os.path.join(tempfile.mkdtemp(prefix="csdash-status-e2e-"), "data")
    shutil.copytree(SAMPLE, dst)
    return dst


def without_workforce():
    d = copy_sample()
    os.rename(os.path.join(d, "history", "workforce.csv"), os.path.join(os.path.dirname(d), "workforce.csv"))
    return d


def test_period_after_the_latest_is_refused_naming_it(binary):
    for period in ["Q3 21/22", "Q4 24/25", "2024/25"]:
        code, out, err = run(binary, "report", SAMPLE, "--period", period)
        assert code == 64, (period, code, out[:300], err)
        assert "after the latest data (Q2 21/22)" in err, (period, err)
        assert out == "", out[:300]
    code, out, err = run(binary, "report", SAMPLE, "--period", "Q2 21/22")
    assert code == 0 and "14 worse than target" in out, (code, err)
    code, out, err = run(binary, "snapshot", SAMPLE, "--period", "Q3 21/22", "--size", "120x40")
    assert code == 64 and "Q2 21/22" in err, (code, err)
    code, out, err = run(binary, "check", SAMPLE)
    assert code == 0 and "latest quarter 2021/22 Q2" in out, (code, out, err)


def test_wall_banner_and_header_agree_on_the_latest_quarter(binary):
    code, out, err = run(binary, "snapshot", SAMPLE, "--view", "wall:1", "--size", "120x40", "--now", "2022-06-15 09:30")
    assert code == 0, (code, err)
    lines = out.splitlines()
    assert "data as at 30 Sep 2021" in lines[0], lines[0]
    assert "latest data Q2 21/22 (3 quarters ago)" in out, out
    assert "24/25" not in out, out


def test_quarter_keys_stop_at_the_latest_and_a_key_jumps_back(binary):
    t = TmuxSession(f"{binary} {SAMPLE}; echo CSDASH-EXITED $?; sleep 60", name="csdash-e2e-status")
    try:
        t.wait_for(lambda s: "Overview › Social care" in s and "4 Education" in s, "the first frame")
        t.keys("]", "]", "]")
        t.keys("?")
        s = t.wait("back to the latest quarter")
        assert "viewing" not in s.splitlines()[0], "] stops at the latest quarter: " + s.splitlines()[0]
        t.keys("Escape")
        t.wait_gone("back to the latest quarter")
        t.keys("[", "[")
        s = t.wait("viewing Q4 20/21")
        t.keys("}")
        s = t.wait_gone("viewing")
        assert "Q2 21/22" in s.splitlines()[0], s.splitlines()[0]
        t.keys("q")
        t.wait("CSDASH-EXITED 0")
    finally:
        t.close()


def test_missing_history_file_is_no_data_not_no_target(binary):
    d = without_workforce()
    code, out, err = run(binary, "check", d)
    assert code == 0, (code, out, err)
    no_data = [l for l in out.splitlines() if ": warning: no data: " in l]
    assert len(no_data) == 5, out
    assert all(l.startswith(os.path.join(d, "indicators.yaml") + ":") for l in no_data), no_data
    assert "5 no data at 2021/22 Q2" in out.splitlines()[-1], out.splitlines()[-1]
    code, out, err = run(binary, "snapshot", d, "--size", "120x40")
    assert code == 0, err
    assert out.splitlines()[0].rstrip().endswith("✗12 ≈4 ✓5  ∅5 no data"), out.splitlines()[0]
    code, out, err = run(binary, "report", d)
    assert code == 0, err
    assert "12 worse than target, 5 no data, 7 without a target" in out, out[:400]
    code, out, err = run(binary, "report", d, "--format", "markdown")
    assert code == 0 and "5 no data, 7 without a target" in out, out[:400]
    code, out, err = run(binary, "report", d, "--format", "json")
    doc = json.loads(out)
    assert doc["summary"] == {"better": 5, "within": 4, "worse": 12, "no_data": 5, "no_target": 7}, doc["summary"]
    statuses = {i["id"]: i["status"] for i in doc["indicators"]}
    assert statuses["sw-turnover"] == "no-data" and statuses["contacts"] == "none", statuses
    code, out, err = run(binary, "snapshot", d, "--view", "wall:3", "--size", "120x40", "--now", "2021-11-15 09:30")
    assert code == 0, err
    assert "∅ 5 NO DATA for Q2 21/22: CS staff turnover" in out, out
    assert "no target" not in out and "no data" in out, out


def test_a_proportion_in_a_percentage_series_warns_with_file_and_line(binary):
    d = copy_sample()
    path = os.path.join(d, "history", "social-care.csv")
    with open(path) as f:
        lines = f.read().split("\n")
    n = next(i for i, l in enumerate(lines) if l.startswith("initial-decisions,2021/22 Q2,81.2"))
    lines[n] = lines[n].replace(",81.2,", ",0.812,")
    with open(path, "w") as f:
        f.write("\n".join(lines))
    code, out, err = run(binary, "check", d)
    assert code == 0, (code, out, err)
    warn = [l for l in out.splitlines() if ": warning: " in l]
    assert warn == [f"{path}:{n + 1}: warning: 'Initial decisions 24h' (initial-decisions): 0.812 is far outside its own "
                    "history (median 90.95): a proportion typed for a percentage? 0.812 would be 81.2% (column 'value')"], out
    assert "0 errors, 1 warning" in out, out
    code, out, err = run(binary, "report", d)
    assert code == 0, "a warning only: the report runs"


def test_wall_names_a_broken_file_relative_to_the_data_folder(binary):
    d = copy_sample()
    with open(os.path.join(d, "history", "social-care.csv"), "a") as f:
        f.write("contacts,2021/22 Q2,abc,,,\n")
    t = TmuxSession(f"{binary} wall {d}; echo CSDASH-EXITED $?; sleep 60", w=200, h=40, name="csdash-e2e-status-wall")
    try:
        s = t.wait("1 data problem: history/social-care.csv:112: non-numeric value 'abc'")
        assert d not in s and os.path.dirname(d) not in s, s
    finally:
        t.close()
