/* The batch reader: the input is a batch file ("ip -batch FILE", or with
 * -force when the first byte is odd), read through /proc/self/fd from a
 * memfd and run in the sandbox, commands and all ("netns monitor" fails
 * there at once: the cage refuses inotify). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sandbox.h"

int ip_main(int argc, char **argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_sandbox_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	char *argv[] = { "ip", "-force", "-batch", path, NULL };
	int fd;

	if (size < 1 || size > 16384)
		return 0;
	fuzz_sandbox_tick();
	fd = memfd_create("batch", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data + 1, size - 1) == (ssize_t)(size - 1)) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		if (data[0] & 1)
			ip_main(4, argv);
		else {
			argv[1] = "-batch";
			argv[2] = path;
			argv[3] = NULL;
			ip_main(3, argv);
		}
	}
	close(fd);
	return 0;
}
