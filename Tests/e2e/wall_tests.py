"""The wall in a real terminal (tmux, isolated server): pages rotate, keys are ignored, a file changed on disk
shows once the debounce has seen it settle (and a broken one shows a banner that clears when fixed), `q q` quits,
signals end it with the terminal restored and exit 128 + the signal, and it sleeps between ticks. Time limits are
the program's own constants plus MARGIN for a busy machine."""
import os
import re
import shutil
import subprocess
import tempfile
import time

from tmux_session import MARGIN, RELOAD_INOTIFY, RELOAD_POLL, SAMPLE, WAIT, TmuxSession, swift_seconds

# How long "press q again to quit" stays armed.
QUIT_WINDOW = swift_seconds("Sources/CsdashUI/Wall/WallState.swift", r"quitWindow: TimeInterval = ([0-9.]+)")


def copy_sample():
    d = tempfile.mkdtemp(prefix="csdash-wall-e2e-")
    dst = os.path.join(d, "data")
    shutil.copytree(SAMPLE, dst)
    return dst


class Wall(TmuxSession):
    def __init__(self, binary, data, args="", w=120, h=40, env=None):
        self.data = data
        super().__init__(f"{binary} wall {data} {args}; echo CSDASH-EXITED $?; sleep 60", w=w, h=h, env=env,
                         name="csdash-e2e-wall")

    def wait(self, pred, what, timeout=WAIT):
        return self.wait_for(pred, what, timeout)

    def wait_text(self, text, timeout=WAIT):
        return self.wait_for(lambda s: text in s, repr(text), timeout)

    def pid(self):
        out = subprocess.run(["pgrep", "-n", "-f", f"wall {self.data}"], capture_output=True, text=True).stdout.strip()
        assert out, "the wall is running"
        return int(out)


def page_line(screen):
    return screen.splitlines()[1] if len(screen.splitlines()) > 1 else ""


def edit(path, old, new):
    with open(path) as f:
        text = f.read()
    assert old in text, (path, old)
    # Written in place, in two halves with a pause: the wall must not read the half-written file.
    text = text.replace(old, new)
    with open(path, "w") as f:
        f.write(text[: len(text) // 2])
        f.flush()
        time.sleep(0.15)
        f.write(text[len(text) // 2:])


def test_wall_rotates_ignores_keys_reloads_and_quits(binary):
    data = copy_sample()
    dwell = 2
    t = Wall(binary, data, f"--dwell {dwell}")
    try:
        s = t.wait_text("Social care")
        assert "● ○ ○ ○ ○ ○" in page_line(s), s
        assert "data as at 30 Sep 2021" in s and re.search(r"\d\d:\d\d", s.splitlines()[0]), s
        assert "Tab panel" not in s and "? help" not in s, "no footer of keys: " + s
        # Pages rotate on their own.
        t.wait(lambda s: "○ ● ○ ○ ○ ○" in page_line(s) and "Children in care" in page_line(s), "page 2", dwell + MARGIN)
        t.wait(lambda s: "○ ○ ● ○ ○ ○" in page_line(s), "page 3", dwell + MARGIN)
        # Keys are ignored: the dashboard's keys neither navigate nor stop the rotation.
        t.keys("Enter", "Tab", "r", "?", "1", "Escape", "j", "Down")
        t.wait(lambda s: "○ ○ ○ ● ○ ○" in page_line(s) or "○ ○ ○ ○ ● ○" in page_line(s), "rotation after keys", 2 * dwell + MARGIN)
        s = t.screen()
        assert "CSDASH-EXITED" not in s and "Risk register" not in s and "help" not in s.lower(), s
        # A resize redraws at the new size.
        t.tmux("resize-window", "-x", "80", "-y", "24")
        s = t.wait(lambda s: len(s.splitlines()) <= 24 and "data as at" in s
                   and all(len(l) <= 80 for l in s.splitlines()), "the 80x24 frame", MARGIN)
        t.tmux("resize-window", "-x", "120", "-y", "40")
        t.wait(lambda s: "Children's Services Performance · Gloucestershire" in s, "the 120x40 frame", MARGIN)
        # q once shows a hint; q again within 2 s quits with the terminal restored.
        t.keys("q")
        t.wait_text("press q again to quit", MARGIN)
        t.keys("q")
        s = t.wait_text("CSDASH-EXITED 0", MARGIN)
        assert "Children's Services Performance" not in s, "alternate screen left: " + s
    finally:
        t.close()
        shutil.rmtree(os.path.dirname(data), ignore_errors=True)


def test_wall_live_reload(binary):
    """A value saved on disk shows once the files are quiet; a broken file keeps the data with a banner; fixed, it
    clears. Inotify and the poll fallback alike."""
    data = copy_sample()
    with open(os.path.join(data, "indicators.yaml"), "a") as f:
        f.write("wall:\n  pages:\n    - {page: attention, dwell: 600}\n    - risks\n")
    t = Wall(binary, data)
    try:
        # A frame can be read back while tmux is still taking it in: wait for a value on the page too.
        s = t.wait(lambda s: "Needs attention" in s and "24.4%" in s, "the attention page")
        assert "● ○" in page_line(s), "the wall: section's pages: " + s
        edit(os.path.join(data, "history", "social-care.csv"), "re-referrals,2021/22 Q2,24.4,",
             "re-referrals,2021/22 Q2,26.9,")
        saved = time.time()
        t.wait_text("26.9%", RELOAD_INOTIFY)
        took = time.time() - saved
        print(f"  wall: change shown {took:.2f} s after the save (inotify)")
        assert took < RELOAD_INOTIFY, f"shown {took:.2f} s after the save"
        assert "24.4%" not in t.screen()
        edit(os.path.join(data, "indicators.yaml"), "    unit: count\n", "    unit: people\n")
        s = t.wait(lambda s: "data problem" in s, "the problems banner", RELOAD_INOTIFY)
        assert re.search(r"indicators\.yaml:\d+: indicator '[a-z-]+': unit 'people'", s), s
        assert "26.9%" in s, "the last good data stays: " + s
        edit(os.path.join(data, "indicators.yaml"), "    unit: people\n", "    unit: count\n")
        t.wait(lambda s: "data problem" not in s, "the banner to clear", RELOAD_INOTIFY)
        # The poll fallback (no inotify) also shows a change.
    finally:
        t.close()
    t = Wall(binary, data, env={"CSDASH_WATCH": "poll"})
    try:
        t.wait_text("26.9%")
        edit(os.path.join(data, "history", "social-care.csv"), "re-referrals,2021/22 Q2,26.9,",
             "re-referrals,2021/22 Q2,25.1,")
        saved = time.time()
        t.wait_text("25.1%", RELOAD_POLL)
        took = time.time() - saved
        print(f"  wall: change shown {took:.2f} s after the save (poll fallback)")
        assert took < RELOAD_POLL, f"poll fallback took {took:.2f} s"
    finally:
        t.close()
        shutil.rmtree(os.path.dirname(data), ignore_errors=True)


def test_wall_q_hint_expires_and_no_keys(binary):
    t = Wall(binary, SAMPLE, "--dwell 60")
    try:
        t.wait_text("Social care")
        t.keys("q")
        t.wait_text("press q again to quit", MARGIN)
        t.wait(lambda s: "press q again" not in s, "the hint to go", QUIT_WINDOW + MARGIN)
        t.keys("q")  # arms again, does not quit
        time.sleep(0.3)
        assert "CSDASH-EXITED" not in t.screen()
    finally:
        t.close()
    t = Wall(binary, SAMPLE, "--dwell 60 --no-keys")
    try:
        t.wait_text("Social care")
        t.keys("q", "q", "C-c", "q", "q")
        time.sleep(0.5)
        s = t.screen()
        assert "CSDASH-EXITED" not in s and "press q again" not in s, s
        os.kill(t.pid(), 15)
        s = t.wait_text("CSDASH-EXITED 143", MARGIN)
        assert "Social care" not in s, "terminal restored after SIGTERM: " + s
    finally:
        t.close()


def test_wall_sighup_and_sigint_end_it(binary):
    for sig in (1, 2):
        t = Wall(binary, SAMPLE, "--dwell 60")
        try:
            t.wait_text("Social care")
            os.kill(t.pid(), sig)
            s = t.wait_text(f"CSDASH-EXITED {128 + sig}", MARGIN)
            assert "Social care" not in s, s
        finally:
            t.close()


def test_wall_ends_when_its_terminal_goes_away(binary):
    """The terminal closes under the wall (tmux killed): it ends at once, no CPU spin."""
    t = Wall(binary, SAMPLE, "--dwell 60")
    t.wait_text("Social care")
    pid = t.pid()
    t.close()
    end = time.time() + MARGIN
    while time.time() < end and os.path.exists(f"/proc/{pid}"):
        with open(f"/proc/{pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                break
        time.sleep(0.05)
    alive = os.path.exists(f"/proc/{pid}") and open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    if alive:
        os.kill(pid, 9)
    assert not alive, "the wall kept running after its terminal went away"


def test_wall_sleeps_between_ticks(binary):
    """Idle CPU: with a long dwell the loop wakes only for the clock; over 3 seconds it uses (almost) no CPU."""
    t = Wall(binary, SAMPLE, "--dwell 600")
    try:
        t.wait_text("Social care")
        time.sleep(0.5)
        pid = t.pid()

        def ticks():
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks

        def wakes():
            with open(f"/proc/{pid}/status") as f:
                return int(re.search(r"voluntary_ctxt_switches:\s+(\d+)", f.read()).group(1))

        c0, w0 = ticks(), wakes()
        time.sleep(3)
        c1, w1 = ticks(), wakes()
        hz = os.sysconf("SC_CLK_TCK")
        assert (c1 - c0) / hz <= 0.03, f"{(c1 - c0) / hz:.2f} s of CPU in 3 s idle"
        assert w1 - w0 <= 3, f"woke {w1 - w0} times in 3 s (expected only for the clock's minute)"
    finally:
        t.close()


def test_wall_snapshot_pages(binary):
    p = subprocess.run([binary, "snapshot", SAMPLE, "--view", "wall:5", "--size", "100x30", "--now", "2021-11-15 09:30"],
                       capture_output=True, text=True, timeout=30)
    assert p.returncode == 0, p
    lines = p.stdout.splitlines()
    assert "Needs attention" in lines[1] and "09:30" in lines[0], p.stdout
    assert "New EHCPs issued within 20 weeks" in p.stdout, p.stdout
    p = subprocess.run([binary, "snapshot", SAMPLE, "--view", "wall:9", "--size", "100x30"], capture_output=True, text=True)
    assert p.returncode == 64 and "the wall has 6 pages at 100x30, not 9" in p.stderr, p
    p = subprocess.run([binary, "wall", SAMPLE], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    assert p.returncode == 1 and "needs a terminal" in p.stderr, p
    p = subprocess.run([binary, "wall", SAMPLE, "--dwell", "0.5"], capture_output=True, text=True, timeout=30)
    assert p.returncode == 64 and "--dwell must be 2 to 3600 seconds" in p.stderr, p


def test_dashboard_live_reload_keeps_place(binary):
    """The interactive dashboard reloads saved files once they are quiet and keeps the page and selection."""
    data = copy_sample()
    sock = f"csdash-issue7-dash-{os.getpid()}-{time.monotonic_ns()}"
    t = Wall.__new__(Wall)
    t.sock, t.data = sock, data
    t.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-e", "TERM=xterm-256color",
           "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", f"{binary} {data}; echo CSDASH-EXITED $?; sleep 60")
    try:
        t.wait_text("Overview › Social care")
        t.keys("j", "j", "Enter")
        s = t.wait_text("Initial decisions made within 24 hours")
        assert "81.2%" in s, s
        edit(os.path.join(data, "history", "social-care.csv"), "initial-decisions,2021/22 Q2,81.2",
             "initial-decisions,2021/22 Q2,88.8")
        saved = time.time()
        s = t.wait_text("88.8%", RELOAD_INOTIFY)
        took = time.time() - saved
        print(f"  dashboard: change shown {took:.2f} s after the save")
        assert took < RELOAD_INOTIFY, took
        assert "Overview › Social care › Initial decisions 24h" in s, "the same page: " + s
        edit(os.path.join(data, "risks.yaml"), "likelihood: 3", "likelihood: 9")
        s = t.wait(lambda s: "data problem" in s, "the problems banner", RELOAD_INOTIFY)
        assert re.search(r"risks\.yaml:\d+: ", s) and "88.8%" in s, s
        edit(os.path.join(data, "risks.yaml"), "likelihood: 9", "likelihood: 3")
        s = t.wait(lambda s: "data problem" not in s, "the banner to clear", RELOAD_INOTIFY)
        t.keys("Escape")
        s = t.wait_text("Overview › Social care\n")
        t.keys("Enter")
        t.wait_text("Initial decisions made within 24 hours", MARGIN)  # the same row was still selected
        t.keys("q")
        t.wait_text("CSDASH-EXITED 0", MARGIN)
    finally:
        t.close()
        shutil.rmtree(os.path.dirname(data), ignore_errors=True)


def test_wall_survives_its_data_directory_being_replaced(binary):
    """The data folder is deleted and put back (a sync tool replacing it): the wall keeps the last good data with
    a banner while it is gone, and shows the new data when it is back."""
    data = copy_sample()
    with open(os.path.join(data, "indicators.yaml"), "a") as f:
        f.write("wall:\n  pages:\n    - {page: attention, dwell: 600}\n")
    t = Wall(binary, data)
    try:
        t.wait_text("24.4%")
        shutil.move(data, data + ".old")
        s = t.wait(lambda s: "data problem" in s, "the banner while the folder is gone", RELOAD_INOTIFY)
        assert "24.4%" in s and "no such data directory" in s, s
        shutil.copytree(data + ".old", data)
        edit(os.path.join(data, "history", "social-care.csv"), "re-referrals,2021/22 Q2,24.4,",
             "re-referrals,2021/22 Q2,25.3,")  # still worse than target, so still on this page
        # While the folder is gone the watcher polls, and it notices the folder come back.
        t.wait(lambda s: "25.3%" in s and "data problem" not in s, "the new data", RELOAD_POLL)
    finally:
        t.close()
        shutil.rmtree(os.path.dirname(data), ignore_errors=True)
