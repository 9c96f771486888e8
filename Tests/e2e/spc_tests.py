"""SPC in `csdash report --format json` checked against the independent reference (spc_reference.py) on
generated quarterly and monthly series: shifts, trends, outliers, constant series, gaps, targets that step,
and each of the indicators.yaml options."""
import json
import math
import os
import random
import tempfile

from cli_tests import run
import spc_reference

FIRST_YEAR = 2014  # financial year 2014/15


def quarter_name(k):
    y, q = FIRST_YEAR + k // 4, k % 4 + 1
    return f"{y}/{(y + 1) % 100:02d} Q{q}", y * 12 + 3 + (q - 1) * 3


def month_name(k):
    m = 3 + k  # April of FIRST_YEAR on
    y, mm = FIRST_YEAR + m // 12, m % 12 + 1
    return f"{y}-{mm:02d}", y * 12 + mm - 1


def series(rng, kind, n):
    base, sd = rng.uniform(20, 80), rng.uniform(1, 6)
    if kind == "constant":
        return [round(base, 1)] * n
    out = [round(rng.gauss(base, sd), 1) for _ in range(n)]
    if kind == "shift" and n >= 6:
        at = rng.randrange(n // 3, n - 3)
        out = out[:at] + [round(v + rng.choice([-1, 1]) * 2.5 * sd, 1) for v in out[at:]]
    elif kind == "trend" and n >= 3:
        at = rng.randrange(0, max(1, n - 9))
        step = rng.choice([-1, 1]) * rng.uniform(0.5, 1.5) * sd
        for j in range(at, min(n, at + rng.randint(6, 9))):
            out[j] = round(out[at] + step * (j - at), 1)
    elif kind == "outlier":
        out[rng.randrange(n)] = round(base + rng.choice([-1, 1]) * 5 * sd, 1)
    elif kind == "edges":
        # Values that repeat often, so that points fall on the mean and steps are flat.
        out = [rng.choice([base, base + sd, base - sd]) for _ in range(n)]
        out = [round(v, 1) for v in out]
    return out


def build(rng, count):
    """Indicators (as dicts) and their history rows; some values suppressed, some rows absent."""
    inds, rows = [], []
    kinds = ["noise", "shift", "trend", "outlier", "constant", "edges"]
    for i in range(count):
        monthly = i % 3 == 0
        n = rng.randint(2, 60 if monthly else 30)
        name = month_name if monthly else quarter_name
        # Every series ends in the same quarter (2021/22 Q2, i.e. September 2021).
        total = (7 * 12 + 6) if monthly else (7 * 4 + 2)
        first = total - n
        values = series(rng, kinds[i % len(kinds)], n)
        polarity = rng.choice(["higher", "lower", "neutral"])
        ind = {"id": f"s{i}", "monthly": monthly, "polarity": polarity, "points": [], "targets": [], "options": {}}
        for k, v in enumerate(values):
            period, start = name(first + k)
            r = rng.random()
            if r < 0.04:
                continue  # a period with no row
            rows.append((ind["id"], period, "c" if r < 0.08 else repr(v)))
            if r >= 0.08:
                ind["points"].append((period, start, v))
        if rng.random() < 0.7:
            mean = sum(values) / len(values)
            ind["targets"].append((name(first)[0], name(first)[1], round(mean + rng.uniform(-15, 15), 1)))
            if n > 6 and rng.random() < 0.5:
                k = rng.randrange(1, n - 1)
                ind["targets"].append((name(first + k)[0], name(first + k)[1], round(mean + rng.uniform(-15, 15), 1)))
        o = ind["options"]
        if i % 5 == 1:
            o["run_length"] = rng.choice([5, 6, 8])
        if i % 7 == 2 and n > 8:
            o["baseline"] = rng.randint(2, n - 2)
        if i % 6 == 3 and n > 8:
            o["recalculate_from"] = [name(first + rng.randrange(2, n - 2))]
        if i % 4 == 0:
            o["screen_moving_ranges"] = True
        inds.append(ind)
    return inds, rows


def write(inds, rows):
    d = tempfile.mkdtemp(prefix="csdash-spc-")
    os.makedirs(os.path.join(d, "history"))
    y = ["title: SPC", "organisation: Test", "panels:", "  - {id: p, title: P}", "indicators:"]
    for ind in inds:
        y += [f"  - id: {ind['id']}", "    panel: p", f"    title: Series {ind['id']}", "    unit: number",
              "    decimals: 1", f"    polarity: {ind['polarity']}",
              f"    frequency: {'monthly' if ind['monthly'] else 'quarterly'}"]
        if ind["targets"]:
            y.append("    targets:")
            y += [f"      - {{from: \"{p}\", value: {v}}}" for p, _, v in ind["targets"]]
        o = ind["options"]
        if o:
            y.append("    spc:")
            for k, v in o.items():
                if k == "recalculate_from":
                    y.append(f"      recalculate_from: [\"{v[0][0]}\"]")
                else:
                    y.append(f"      {k}: {str(v).lower()}")
    with open(os.path.join(d, "indicators.yaml"), "w") as f:
        f.write("\n".join(y) + "\n")
    with open(os.path.join(d, "history", "h.csv"), "w") as f:
        f.write("indicator,period,value\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows))
    return d


def expected(ind, until):
    pts = [p for p in ind["points"] if p[1] < until]
    if len(pts) < 2:
        return None, pts
    target = None
    for _, start, v in ind["targets"]:
        if start <= pts[-1][1]:
            target = v
    o = ind["options"]
    recalc = [o["recalculate_from"][0][1]] if "recalculate_from" in o else []
    ref = spc_reference.analyse([p[2] for p in pts], [p[1] for p in pts], ind["polarity"], target,
                                baseline=o.get("baseline"), recalculate=recalc, run_length=o.get("run_length", 7),
                                screen=o.get("screen_moving_ranges", False))
    return ref, pts


def close(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def compare(binary, d, inds, period, until):
    args = ["report", d, "--format", "json"] + (["--period", period] if period else [])
    code, out, err = run(binary, *args)
    assert code == 0, (code, err)
    got = {i["id"]: i["spc"] for i in json.loads(out)["indicators"]}
    signals = 0
    for ind in inds:
        ref, pts = expected(ind, until)
        spc = got[ind["id"]]
        where = f"{ind['id']} at {period}: {pts} {ind['options']} target {ind['targets']}"
        if ref is None:
            assert spc is None, where
            continue
        assert spc is not None, where
        for k in ("mean", "lower", "upper"):
            assert close(spc[k], ref[k]), (k, spc[k], ref[k], where)
        assert spc["variation"] == ref["variation"], (spc["variation"], ref["variation"], where)
        assert spc["assurance"] == ref["assurance"], (spc["assurance"], ref["assurance"], where)
        assert spc["too_few"] == ref["too_few"], where
        assert [(p["period"], p["value"]) for p in spc["points"]] == [(p[0], p[2]) for p in pts], where
        assert [p["type"] for p in spc["points"]] == ref["types"], ([p["type"] for p in spc["points"]], ref["types"], where)
        phases = "baseline" in ind["options"] or "recalculate_from" in ind["options"]
        for p, lim in zip(spc["points"], ref["limits"]):
            assert ("mean" in p) == phases, where
            if phases:
                assert close(p["mean"], lim["mean"]) and close(p["upper"], lim["upper"]), where
        signals += sum(t != "common" for t in ref["types"])
    return signals


def test_spc_json_matches_the_reference_on_generated_series(binary):
    rng = random.Random(19)
    inds, rows = build(rng, 90)
    d = write(inds, rows)
    code, out, err = run(binary, "check", d)
    assert code == 0, (out, err)
    # The latest quarter, then an earlier one: the chart runs up to the period being viewed.
    signals = compare(binary, d, inds, None, (FIRST_YEAR + 7) * 12 + 9)
    assert signals > 50, f"the generated series should hold signals of every kind ({signals})"
    compare(binary, d, inds, "2019/20 Q3", (FIRST_YEAR + 5) * 12 + 12)


def test_spc_null_below_two_points_and_no_infinite_limits(binary):
    d = tempfile.mkdtemp(prefix="csdash-spc-")
    os.makedirs(os.path.join(d, "history"))
    with open(os.path.join(d, "indicators.yaml"), "w") as f:
        f.write("title: T\norganisation: O\npanels:\n  - {id: p, title: P}\nindicators:\n"
                + "".join(f"  - {{id: {i}, panel: p, title: {i}, unit: number, polarity: higher, frequency: quarterly}}\n"
                          for i in ("one", "huge")))
    with open(os.path.join(d, "history", "h.csv"), "w") as f:
        f.write("indicator,period,value\none,2021/22 Q2,5\n"
                + "".join(f"huge,{quarter_name(k)[0]},{'1e308' if k % 2 else '-1e308'}\n" for k in range(20, 31)))
    code, out, err = run(binary, "report", d, "--format", "json")
    assert code == 0, err
    got = {i["id"]: i["spc"] for i in json.loads(out)["indicators"]}
    assert got["one"] is None
    huge = got["huge"]
    assert math.isclose(huge["mean"], -1e308 / 11, rel_tol=1e-12), huge
    assert huge["lower"] is None and huge["upper"] is None, "limits beyond a Double are left out, not infinite"
    assert all(p["type"] in ("common", "improvement", "concern") for p in huge["points"])
    code, out, err = run(binary, "report", d)
    assert code == 0 and "inf" not in out.lower() and "nan" not in out.lower(), out
