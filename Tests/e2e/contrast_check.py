"""WCAG 2 contrast of every text cell of an ANSI frame, as the terminal would show it.

Text cells are letters, digits, punctuation and symbols (such as ✓ ✗ ≈ and arrows); spaces, box drawing, block
elements, braille and the marks · • ● ○ ◆ ▲ ▼ are graphics and are not measured. A cell's colours are its own,
or the terminal's where it leaves them default: light grey (#d0d0d0) on black, or black on white for a light
terminal. The 16 ANSI colours are xterm's."""
import pyte

XTERM16 = ["000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
           "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"]
NAMES = {"black": 0, "red": 1, "green": 2, "brown": 3, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
         "brightblack": 8, "brightred": 9, "brightgreen": 10, "brightbrown": 11, "brightyellow": 11,
         "brightblue": 12, "brightmagenta": 13, "brightcyan": 14, "brightwhite": 15}
GRAPHIC_MARKS = set("·•●○◆▲▼◀▶")


def colour(c, default):
    if c == "default":
        return default
    return XTERM16[NAMES[c]] if c in NAMES else c


def luminance(hex6):
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def is_graphic(ch):
    o = ord(ch)
    return ch.isspace() or 0x2500 <= o <= 0x259F or 0x2800 <= o <= 0x28FF or ch in GRAPHIC_MARKS


def measure(frame_bytes, cols, rows, light=False, minimum=4.5):
    """(text cells measured, [(ratio, fg, bg, row, text of the row)] of those below `minimum`)."""
    default_fg, default_bg = ("000000", "ffffff") if light else ("d0d0d0", "000000")
    screen = pyte.Screen(cols, rows)
    # Without the final line break, which would scroll the first row off the screen.
    body = frame_bytes[:-1] if frame_bytes.endswith(b"\n") else frame_bytes
    pyte.ByteStream(screen).feed(body.replace(b"\n", b"\r\n"))
    measured, low = 0, []
    for y in range(rows):
        line = screen.buffer[y]
        for x in range(cols):
            cell = line[x]
            if is_graphic(cell.data or " "):
                continue
            fg, bg = colour(cell.fg, default_fg), colour(cell.bg, default_bg)
            if cell.reverse:
                fg, bg = bg, fg
            measured += 1
            r = ratio(fg, bg)
            if r < minimum:
                low.append((round(r, 2), fg, bg, y, "".join(line[i].data for i in range(cols)).rstrip()))
    return measured, low
