/* fork() for the musl build: ip has one thread and no atfork handlers, so
 * the plain system call wrapper _Fork() does all that musl's fork would
 * (whose locking for threaded parents brings 1.5 KB of rwlocks and
 * futex waits).  The child only execs or exits. */
#include <unistd.h>

pid_t fork(void)
{
	return _Fork();
}
