/* tm: run the same command line with several implementations of `ip`,
 * alternating their order on every repetition so that noise from the rest of
 * the machine falls on all of them alike, and print per implementation:
 *
 *   IMPL median_wall_us median_user_us median_sys_us max_rss_kb exit_code
 *        median_cpu_us (user + sys: what load on the machine hurts least)
 *
 * Usage: tm REPS OUTDIR IMPL... -- ARGS...
 * Each IMPL is the path of an executable called "ip" (busybox needs that
 * name); it runs as "IMPL ARGS...".  The first run's stdout goes to
 * OUTDIR/out.N (N = position of IMPL) so the caller can check the outputs are
 * identical; later runs write to /dev/null.  A run that exits non-zero is
 * still timed: the caller decides whether the row counts.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_IMPL = 8, MAX_REPS = 1000 };

struct sample {
	long wall, user, sys, rss;
	int code;
};

static long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000L + tv.tv_usec;
}

static long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

static int run_once(char **argv, const char *out, struct sample *s)
{
	struct rusage ru;
	int status, fd;
	long t0 = now_us();
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) < 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	s->wall = now_us() - t0;
	s->user = tv_us(ru.ru_utime);
	s->sys = tv_us(ru.ru_stime);
	s->rss = ru.ru_maxrss;
	s->code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return 0;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static long median(long *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_long);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static struct sample samples[MAX_IMPL][MAX_REPS];

int main(int argc, char **argv)
{
	int reps, nimpl = 0, i, r, k;
	char *impl[MAX_IMPL], **args, path[4096];
	const char *outdir;

	if (argc < 5)
		goto usage;
	reps = atoi(argv[1]);
	outdir = argv[2];
	for (i = 3; i < argc && strcmp(argv[i], "--"); i++)
		if (nimpl < MAX_IMPL)
			impl[nimpl++] = argv[i];
	if (i == argc || reps < 1 || reps > MAX_REPS || !nimpl)
		goto usage;
	args = argv + i;	/* args[0] is "--", replaced by the binary */
	for (r = 0; r < reps; r++) {
		for (k = 0; k < nimpl; k++) {
			int which = (k + r) % nimpl;

			args[0] = impl[which];
			if (r == 0)
				snprintf(path, sizeof(path), "%s/out.%d", outdir, which);
			else
				snprintf(path, sizeof(path), "/dev/null");
			if (run_once(args, path, &samples[which][r])) {
				perror("tm");
				return 1;
			}
		}
	}
	for (k = 0; k < nimpl; k++) {
		long w[MAX_REPS], u[MAX_REPS], s[MAX_REPS], c[MAX_REPS], rss = 0;

		for (r = 0; r < reps; r++) {
			w[r] = samples[k][r].wall;
			u[r] = samples[k][r].user;
			s[r] = samples[k][r].sys;
			c[r] = u[r] + s[r];
			if (samples[k][r].rss > rss)
				rss = samples[k][r].rss;
		}
		printf("%d %ld %ld %ld %ld %d %ld\n", k, median(w, reps),
		       median(u, reps), median(s, reps), rss,
		       samples[k][0].code, median(c, reps));
	}
	return 0;
usage:
	fprintf(stderr, "usage: tm REPS OUTDIR IMPL... -- ARGS...\n");
	return 2;
}
