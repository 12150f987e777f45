#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600 ("prohibited flag"), so the
 * wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) must be switched
 * on here, before <ncurses.h> is included (shared/terminal.md 1.2, trap 1). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <sys/ioctl.h>
#include <langinfo.h>
#include <wchar.h>
#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>   /* Debian/Ubuntu/Fedora */
#else
#include <ncurses.h>           /* distros that ship only the merged header */
#endif

/* ncurses exposes its screen state as mutable C globals; Swift 6 rejects every
 * read of them (trap 2), and several names are function-like macros Swift
 * cannot import. Read them through these accessors instead. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

static inline int nc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }

/* tiparm is variadic (not imported into Swift): format a terminfo string with one or two
 * integer parameters. Used once at start to build the frame writer's escape strings. */
static inline char *nc_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline char *nc_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }
/* tigetstr's "not a string capability" marker, (char *)-1. */
static inline int nc_is_cancelled_string(const char *s) { return s == (char *)-1; }

/* Mouse reporting (the BUTTONn_* masks are function-like macros Swift cannot import).
 * Asks for presses of button 1 and the wheel (buttons 4 and 5), with click detection off
 * (mouseinterval 0) so a press is reported at once instead of after the click interval.
 * Returns whether the terminal can report any of them. endwin() (and mousemask(0)) turn
 * reporting off again. */
static inline int nc_enable_mouse(int on) {
    /* The release is asked for too (and ignored by nc_get_mouse): an event outside the mask
     * makes ncurses read on for the next one, which blocked get_wch when a press and its
     * release arrived together. */
    mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t got = mousemask(wanted, 0);
    if (on) mouseinterval(0);
    return got != 0;
}

/* The pending mouse event: returns 0 when there is none, else 1 for a button-1 press,
 * 4 for the wheel up, 5 for the wheel down, -1 for anything else; x and y are 0-based cells. */
static inline int nc_get_mouse(int *x, int *y) {
    /* A press and its release that arrive in one read reach the app as one KEY_MOUSE whose
     * event is the release: a release without a press seen before it counts as the click. */
    static int press_seen = 0;
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) { press_seen = 1; return 1; }
    if (event.bstate & BUTTON1_RELEASED) {
        int missed = !press_seen;
        press_seen = 0;
        return missed ? 1 : -1;
    }
    if (event.bstate & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 5;
#endif
    return -1;
}

/* ioctl is variadic and not imported into Swift: set a terminal's window size
 * (used to give a pseudo-terminal the size the frame benchmark measures). */
static inline int nc_set_winsize(int fd, unsigned short rows, unsigned short cols) {
    struct winsize ws = { rows, cols, 0, 0 };
    return ioctl(fd, TIOCSWINSZ, &ws);
}

/* A pseudo-terminal pair (the frame benchmark's stand-in for a real terminal):
 * returns the master fd and stores the slave fd, or -1. posix_openpt and friends
 * are declared here because their header guards need _XOPEN_SOURCE >= 600. */
#include <fcntl.h>
#include <unistd.h>
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);
static inline int nc_open_pty(int *slave_fd) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    char *name;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || (name = ptsname(master)) == 0) { close(master); return -1; }
    int slave = open(name, O_RDWR | O_NOCTTY);
    if (slave < 0) { close(master); return -1; }
    *slave_fd = slave;
    return master;
}

#endif
