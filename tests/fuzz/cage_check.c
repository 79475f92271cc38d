/* Checks the cage of sandbox.c from inside: prints what each forbidden
 * operation did, for tests/fuzz.bats. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

static void *nothing(void *arg)
{
	return arg;
}

static FILE *out;	/* the cage points stdout at /dev/null */

static void report(const char *what, long rc)
{
	fprintf(out, "%s: %s\n", what, rc < 0 ? strerror(errno) : "allowed");
}

int main(void)
{
	char *argv[] = { "true", NULL };
	pthread_t t;
	pid_t pid;
	int r;

	out = fdopen(dup(1), "w");
	setvbuf(out, NULL, _IONBF, 0);
	fuzz_sandbox_init();
	r = pthread_create(&t, NULL, nothing, NULL);
	if (!r)
		pthread_join(t, NULL);
	fprintf(out, "thread: %s\n", r ? strerror(r) : "allowed");
	report("inotify", inotify_init1(0));
	report("execve", execv("/bin/true", argv));
	report("execveat", syscall(__NR_execveat, AT_FDCWD, "/bin/true", argv,
				  NULL, 0));
	pid = fork();
	if (pid == 0)
		_exit(0);
	report("fork", pid);
	report("/etc/passwd", open("/etc/passwd", O_RDONLY));
	report("/run/netns", access("/run/netns", W_OK));
	return 0;
}
