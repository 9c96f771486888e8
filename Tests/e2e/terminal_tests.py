"""Signals and terminals, end to end, in tmux: every way the dashboard can be ended leaves the terminal as it
was (echo and canonical mode back, cursor visible, alternate screen left); a terminal csdash cannot use gives a
plain message; a terminal closed under the dashboard ends it at once (within MARGIN on a busy machine)."""
import os
import re
import signal
import subprocess
import time

from tmux_session import MARGIN, ROOT, SAMPLE, TmuxSession


class Pane(TmuxSession):
    def __init__(self, binary, term="xterm-256color", args=SAMPLE):
        # A crash hands over to Swift's backtracer: not interactive here, or it would wait for a key.
        prefix = "unset TERM; " if term is None else f"export TERM={term}; "
        # After csdash: its exit status, the terminal modes that matter, then wait to be read.
        script = (prefix + f"{binary} {args}; echo EXITED $?; export TERM=xterm; "
                  "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon)$' | tr '\\n' ' '; echo; sleep 60")
        super().__init__("sh", "-c", script, w=100, h=30, env={"SWIFT_BACKTRACE": "interactive=no"},
                         name="csdash-e2e-term")

    def csdash_pid(self):
        shell = self.tmux("display", "-p", "#{pane_pid}").strip()
        out = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
        assert out, "csdash is running"
        return int(out[0])

    def flags(self):
        """(alternate screen on, cursor visible) as tmux sees the pane."""
        a, c = self.tmux("display", "-p", "#{alternate_on} #{cursor_flag}").split()
        return a == "1", c == "1"


def assert_restored(p, status):
    s = p.wait("EXITED")
    line = [l for l in s.splitlines() if l.startswith("EXITED")][0]
    assert line == f"EXITED {status}", (line, s)
    modes = p.wait("icanon")
    assert " echo " in f" {modes.split('EXITED')[1].split(chr(10))[1]} " and "-icanon" not in modes and "-echo " not in modes, modes
    assert p.flags() == (False, True), f"alternate screen on / cursor hidden after exit: {p.flags()}"


def test_signals_restore_the_terminal(binary):
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        p = Pane(binary)
        try:
            p.wait("Overview › Social care")
            assert p.flags() == (True, False), "the dashboard uses the alternate screen and hides the cursor"
            os.kill(p.csdash_pid(), sig)
            assert_restored(p, 128 + sig)
        finally:
            p.close()


def test_a_crash_still_restores_the_terminal(binary):
    # A fault cannot run the normal shutdown; the crash handler puts the terminal back and re-raises.
    for sig in (signal.SIGSEGV, signal.SIGABRT):
        p = Pane(binary)
        try:
            p.wait("Overview › Social care")
            os.kill(p.csdash_pid(), sig)
            s = p.wait("EXITED")
            status = int([l for l in s.splitlines() if l.startswith("EXITED")][0].split()[1])
            assert status == 128 + sig, (status, s)
            modes = p.wait("icanon")
            assert "-icanon" not in modes and "-echo " not in modes, modes
            assert p.flags() == (False, True), p.flags()
        finally:
            p.close()


def test_unusable_terminals_give_a_plain_message(binary):
    for term, words in ((None, "TERM is not set"), ("dumb", "is 'dumb'"), ("no-such-terminal-xyz", "unknown to ncurses")):
        p = Pane(binary, term=term)
        try:
            s = p.wait("EXITED")
            assert words in s and "csdash report" in s, (term, s)
            assert "EXITED 1" in s, (term, s)
            assert "Fatal" not in s and "Backtrac" not in s, s
        finally:
            p.close()


def test_terminal_closed_under_the_dashboard_ends_it_at_once(binary):
    p = Pane(binary)
    try:
        p.wait("Overview › Social care")
        pid = p.csdash_pid()
    finally:
        p.close()  # the terminal goes away: the pty closes and the session is hung up
    start = time.monotonic()
    while time.monotonic() - start < MARGIN:
        try:
            # Gone, or a zombie (it exited; its shell died with the terminal and nobody has reaped it yet).
            if open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                return
        except FileNotFoundError:
            return
        time.sleep(0.02)
    cpu = open(f"/proc/{pid}/stat").read().split()[13:15]
    os.kill(pid, signal.SIGKILL)
    raise AssertionError(f"csdash still running {MARGIN} s after its terminal closed (utime, stime ticks {cpu})")


def test_partial_data_starts_with_a_banner_and_lists_problems(binary):
    bad = os.path.join(ROOT, "Tests", "Corpus", "bad", "csv-non-numeric")
    p = Pane(binary, args=bad)
    try:
        # A frame can be read back while tmux is still taking it in: wait for its rows too.
        s = p.wait_for(lambda s: "1 data problem" in s and "Indicator B" in s, "the banner and the rows")
        assert "h.csv:6" in s and "! lists it" in s, s
        assert re.search(r"⚠ +Indicator A +error", s), s  # the failed indicator is marked, not judged
        p.tmux("send-keys", "!")
        p.wait("Data problems: 1 error")
        s = p.wait("non-numeric value 'ninety'")
        assert "history/h.csv:6 (column 'value')" in s, s
        p.tmux("send-keys", "Enter")
        s = p.wait("data problem: 1 problem in its data")
        p.tmux("send-keys", "q")
        p.wait("EXITED 0")
    finally:
        p.close()


def type_during_start_up(p, *keys):
    """Sends keys as soon as csdash has taken the terminal out of line mode (its first act, before it reads any
    data); False when the screen was already open by then (the keys then did not test start-up)."""
    end = time.monotonic() + 20
    while p.line_mode():
        assert time.monotonic() < end, "csdash never took the terminal out of line mode"
        time.sleep(0.002)
    p.keys(*keys)
    return p.flags()[0] is False


def test_keys_typed_during_start_up_are_kept(binary):
    """Keys typed while the data loads are neither echoed, edited nor dropped: they act once the dashboard is up,
    and Ctrl-C typed then quits as it would later (exit 0, terminal restored)."""
    for keys, check in ((("t", "t", "BSpace", "t"), "theme"), (("C-c",), "quit")):
        for attempt in range(5):
            p = Pane(binary)
            try:
                if not type_during_start_up(p, *keys):
                    continue
                if check == "theme":
                    s = p.wait("theme: colour-blind (")
                    assert "ttt" not in s and "^?" not in s, "nothing echoed: " + s
                    p.keys("q")
                    assert_restored(p, 0)
                else:
                    assert_restored(p, 0)
                break
            finally:
                p.close()
        else:
            raise AssertionError(f"the screen was always open before {keys} could be typed: csdash left line mode late")
