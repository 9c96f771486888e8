"""One program in a real terminal for the end-to-end tests: tmux with an isolated server of its own.

Every terminal test uses this: start a command in a fresh server (a name reused right after kill-server can
reach the dying server and show a blank screen), send keys or raw bytes, and poll the screen until what is
expected appears instead of sleeping. Waits are generous because the tests run beside compilers on 2 cores;
a passing wait returns as soon as the text is there."""
import os
import subprocess
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample-data", "gloucestershire")

# The environment every pane starts with; a test can override or add to it (None removes a default).
BASE_ENV = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
WAIT = 20.0


def swift_seconds(path, pattern):
    """A time constant read from the Swift source (the first group of `pattern`), so limits follow the code."""
    import re
    with open(os.path.join(ROOT, path)) as f:
        m = re.search(pattern, f.read())
    assert m, f"{pattern} not found in {path}"
    return float(m.group(1))


# How long saved files must be quiet before a reload, and the longest a reload waits after the first change.
DEBOUNCE_QUIET = swift_seconds("Sources/CsdashUI/App/ReloadDebounce.swift", r"quiet: TimeInterval = ([0-9.]+)")
DEBOUNCE_LIMIT = swift_seconds("Sources/CsdashUI/App/ReloadDebounce.swift", r"limit: TimeInterval = ([0-9.]+)")
# How often the watcher's fallback looks; a change is reported when two looks agree.
POLL_SECONDS = swift_seconds("Sources/CsdashTerminal/FileWatcher.swift", r"pollSeconds: TimeInterval = ([0-9.]+)")
# What a machine busy with other work may add to anything the program does at once (a wake, a reload, a frame).
MARGIN = 1.5
# The longest from a file's last write to the frame that shows it, by design: inotify reports at once, the
# fallback within two looks; then the debounce waits for quiet.
RELOAD_INOTIFY = DEBOUNCE_QUIET + MARGIN
RELOAD_POLL = 2 * POLL_SECONDS + DEBOUNCE_QUIET + MARGIN


class TmuxSession:
    def __init__(self, *command, w=120, h=40, env=None, name="csdash-e2e"):
        self.sock = f"{name}-{os.getpid()}-{time.monotonic_ns()}"
        extra = []
        for k, v in {**BASE_ENV, **(env or {})}.items():
            if v is not None:
                extra += ["-e", f"{k}={v}"]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(w), "-y", str(h), *extra, *command)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True, timeout=20).stdout

    def screen(self, escapes=False):
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []))

    def keys(self, *keys):
        self.tmux("send-keys", *keys)

    def raw(self, data: bytes):
        """Sends bytes exactly as a terminal would (send-keys -H: one hex byte per argument)."""
        self.tmux("send-keys", "-H", *[f"{b:02x}" for b in data])

    def wait_for(self, pred, what, timeout=WAIT, escapes=False):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen(escapes)
            if pred(s):
                return s
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{self.screen()}")

    def wait(self, text, timeout=WAIT, escapes=False):
        return self.wait_for(lambda s: text in s, repr(text), timeout, escapes)

    def wait_gone(self, text, timeout=WAIT):
        return self.wait_for(lambda s: text not in s, f"{text!r} to go", timeout)

    def line_mode(self):
        """Whether the pane's terminal still treats input as lines (canonical mode), as a shell leaves it."""
        tty = self.tmux("display", "-p", "#{pane_tty}").strip()
        fd = os.open(tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            return termios.tcgetattr(fd)[3] & termios.ICANON != 0
        finally:
            os.close(fd)

    def close(self):
        self.tmux("kill-server")
