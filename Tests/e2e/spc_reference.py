"""An independent statement of the XmR ("plot the dots") method, written from its definition window by window
(as NHS-R's NHSRplotthedots states its rules) rather than stretch by stretch as csdash does, to check csdash's
numbers against.

analyse(values, periods, polarity, target, options) -> dict shaped like csdash's JSON "spc" object, or None.
"""

LIMIT = 2.66
NEAR = 2 * LIMIT / 3
SCREEN = 3.267


def sign(x):
    return (x > 0) - (x < 0)


def fit(values, screen):
    n = len(values)
    mean = sum(values) / n
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, n)]
    amr = sum(ranges) / len(ranges) if ranges else 0.0
    if screen and amr > 0:
        kept = [r for r in ranges if r < SCREEN * amr]
        amr = sum(kept) / len(kept)
    return {"mean": mean, "lower": mean - LIMIT * amr, "upper": mean + LIMIT * amr,
            "near_lower": mean - NEAR * amr, "near_upper": mean + NEAR * amr, "n": n}


def special_points(values, lim, run_length):
    n = len(values)
    side = [sign(v - lim["mean"]) for v in values]
    special = [False] * n
    outside = [v > lim["upper"] or v < lim["lower"] for v in values]
    close = [not outside[i] and (values[i] > lim["near_upper"] or values[i] < lim["near_lower"]) for i in range(n)]
    for i in range(n):
        if outside[i]:
            special[i] = True
    # Shifts: every window of run_length points all on one side (none on the mean).
    for end in range(run_length - 1, n):
        window = side[end - run_length + 1:end + 1]
        if window[0] != 0 and all(s == window[0] for s in window):
            for j in range(end - run_length + 1, end + 1):
                special[j] = True
    # Trends: every window of run_length points whose run_length - 1 steps all rise, or all fall.
    for end in range(run_length - 1, n):
        steps = [sign(values[j] - values[j - 1]) for j in range(end - run_length + 2, end + 1)]
        if steps and steps[0] != 0 and all(s == steps[0] for s in steps):
            for j in range(end - run_length + 1, end + 1):
                special[j] = True
    # Two of three: windows of 3 with 2 or more in an outer third and all 3 on one side.
    for start in range(0, n - 2):
        idx = range(start, start + 3)
        if sum(close[j] for j in idx) >= 2 and abs(sum(side[j] for j in idx)) == 3:
            for j in idx:
                if close[j]:
                    special[j] = True
    return special, side


def point_type(special, side, polarity, trend_up):
    if not special:
        return "common"
    if polarity == "neutral":
        return "neutral"
    high = trend_up if side == 0 else side > 0
    return "improvement" if high == (polarity == "higher") else "concern"


def analyse(values, periods, polarity, target, baseline=None, recalculate=(), run_length=7, screen=False):
    """values and periods in time order; periods as (start month index) numbers; recalculate likewise."""
    if len(values) < 2:
        return None
    cuts = []
    for r in sorted(recalculate):
        first = next((i for i, p in enumerate(periods) if p >= r), None)
        if first is not None and first > 0 and first not in cuts:
            cuts.append(first)
    bounds = [0] + cuts + [len(values)]
    points, limits = [], []
    for a, b in zip(bounds, bounds[1:]):
        seg = values[a:b]
        lim = fit(seg[:baseline] if baseline else seg, screen)
        special, side = special_points(seg, lim, run_length)
        for k in range(len(seg)):
            up = seg[k] > seg[k - 1] if k > 0 else (len(seg) > 1 and seg[1] > seg[0])
            points.append(point_type(special[k], side[k], polarity, up))
            limits.append(lim)
    last = limits[-1]
    assurance = None
    if target is not None and polarity != "neutral":
        if target > last["upper"]:
            assurance = "fail" if polarity == "higher" else "pass"
        elif target < last["lower"]:
            assurance = "pass" if polarity == "higher" else "fail"
        else:
            assurance = "inconsistent"
    return {"mean": last["mean"], "lower": last["lower"], "upper": last["upper"], "variation": points[-1],
            "assurance": assurance, "too_few": last["n"] < 12, "types": points, "limits": limits}
