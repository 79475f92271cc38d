/* time() for the musl build.  musl's asks the vDSO, which it first finds
 * by walking the vDSO's ELF symbol table: 1.2 KB of code to save a system
 * call that ip makes once per netlink socket and once per flush round. */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

time_t time(time_t *t)
{
	struct timespec ts = { 0, 0 };

	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}
