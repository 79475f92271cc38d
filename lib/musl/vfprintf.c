/* The musl build's vfprintf() is ip's own printf engine (lib/out_fmt.c),
 * which leaves musl's, with its floating point and wide characters, out of
 * the binary. */
#include <stdarg.h>
#include <stdio.h>

#include "out.h"

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	return fmt_vfprintf(f, fmt, ap);
}
