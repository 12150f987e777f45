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

#endif
