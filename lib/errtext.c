/* Error texts in glibc's wording, whatever libc ip is linked with.
 *
 * iproute2 prints strerror() of glibc ("RTNETLINK answers: Address already
 * in use"); musl words many errno values its own way ("Address in use").
 * Scripts match on these texts, so a musl build takes the glibc wording from
 * here for the values where the two differ and that ip can meet: netlink
 * answers (a veth says ENOTCONN when it goes up with its peer down), mount,
 * open, setns, unshare, exec, waitpid, and ftell on a pipe (route restore).
 * Every other value goes to strerror(), where the two agree. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#define ERR_TEXTS                                                        \
	X(0, "Success")                                                  \
	X(EIO, "Input/output error")                                     \
	X(ECHILD, "No child processes")                                  \
	X(ENOMEM, "Cannot allocate memory")                              \
	X(EBUSY, "Device or resource busy")                              \
	X(EXDEV, "Invalid cross-device link")                            \
	X(EMFILE, "Too many open files")                                 \
	X(ENOTTY, "Inappropriate ioctl for device")                      \
	X(ESPIPE, "Illegal seek")                                        \
	X(EDOM, "Numerical argument out of domain")                      \
	X(ERANGE, "Numerical result out of range")                       \
	X(EDEADLK, "Resource deadlock avoided")                          \
	X(ENAMETOOLONG, "File name too long")                            \
	X(ELOOP, "Too many levels of symbolic links")                    \
	X(ETIME, "Timer expired")                                        \
	X(EOVERFLOW, "Value too large for defined data type")            \
	X(ENOTSOCK, "Socket operation on non-socket")                    \
	X(EMSGSIZE, "Message too long")                                  \
	X(EOPNOTSUPP, "Operation not supported")                         \
	X(EADDRINUSE, "Address already in use")                          \
	X(EADDRNOTAVAIL, "Cannot assign requested address")              \
	X(ENETUNREACH, "Network is unreachable")                         \
	X(EISCONN, "Transport endpoint is already connected")            \
	X(ENOTCONN, "Transport endpoint is not connected")               \
	X(ETIMEDOUT, "Connection timed out")                             \
	X(EHOSTUNREACH, "No route to host")                              \
	X(EINPROGRESS, "Operation now in progress")                      \
	X(EDQUOT, "Disk quota exceeded")                                 \
	X(ERFKILL, "Operation not possible due to RF-kill")

/* The codes, and their texts one after another, NUL-separated: a third of
 * the size of a pointer table indexed by errno. */
#define X(code, text) code,
static const unsigned short err_codes[] = { ERR_TEXTS };
#undef X
#define X(code, text) text "\0"
static const char err_texts[] = ERR_TEXTS;
#undef X

const char *err_text(int errnum)
{
	static char unknown[32];
	const char *s = err_texts;
	size_t i;

	for (i = 0; i < sizeof(err_codes) / sizeof(err_codes[0]);
	     i++, s += strlen(s) + 1)
		if (err_codes[i] == errnum)
			return s;
	s = strerror(errnum);
	/* musl's text for any value it has no name for; glibc numbers them
	 * (the kernel's internal ENOTSUPP, 524, reaches netlink users). */
	if (strcmp(s, "No error information"))
		return s;
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}
