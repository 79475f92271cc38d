/* time() and gettimeofday() for the musl build.  musl's ask the vDSO, which
 * they first find by walking its ELF symbol table: 1.1 KB of code to save
 * a system call that ip makes once per netlink socket, per flush round and
 * per timestamped monitor event. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* A 32-bit target's musl has a 64-bit time_t: the 64-bit system call fills
 * its struct timespec (the nanoseconds' upper half, zero, is its padding). */
#ifdef SYS_clock_gettime64
#define CLOCK_CALL SYS_clock_gettime64
#else
#define CLOCK_CALL SYS_clock_gettime
#endif

static struct timespec now(void)
{
	struct timespec ts = { 0, 0 };

	syscall(CLOCK_CALL, CLOCK_REALTIME, &ts);
	return ts;
}

time_t time(time_t *t)
{
	time_t s = now().tv_sec;

	if (t)
		*t = s;
	return s;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct timespec ts = now();

	if (tv) {
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	return 0;
}
