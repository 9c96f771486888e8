#ifndef CSDASH_NCURSES_SHIM_H
#define CSDASH_NCURSES_SHIM_H
/* Wide-character ncurses; the define must come before the include. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

/* Macros and globals that Swift cannot import or may not read under strict concurrency. */
static inline WINDOW *cn_stdscr(void)    { return stdscr; }
static inline attr_t cn_a_bold(void)      { return A_BOLD; }
static inline attr_t cn_a_reverse(void)   { return A_REVERSE; }
static inline attr_t cn_a_dim(void)       { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline int    cn_colors(void)      { return COLORS; }
static inline int    cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int    cn_key_f(int n)      { return KEY_F(n); }
static inline int    cn_stdin_fd(void)    { return STDIN_FILENO; }

/* Writes one UTF-8 string at (y, x) with attributes and an extended colour pair, without moving
   the logical cursor elsewhere. */
static inline int cn_put(WINDOW *w, int y, int x, const char *utf8, attr_t attrs, int pair) {
    wattr_set(w, attrs, (short)(pair < 32767 ? pair : 0), &pair);
    return mvwaddstr(w, y, x, utf8);
}

/* Whether the locale's character set is UTF-8 (after setlocale). */
static inline int cn_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}
/* The terminal's number of colours from terminfo, before start_color (COLORS is set only by start_color). */
static inline int cn_max_colors(void) { return tigetnum("colors"); }

#include <term.h>
/* The number of colours terminfo gives a terminal type, without opening a screen (for snapshots);
   -2 when terminfo does not know the type. */
static inline int cn_terminfo_colors(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) { set_curterm(saved); return -2; }
    int n = tigetnum("colors");
    TERMINAL *mine = set_curterm(saved);
    if (mine && mine != saved) del_curterm(mine);
    return n;
}
#endif
