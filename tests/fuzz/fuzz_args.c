/* The argument parser of one object (FUZZ_OBJECT): the input is split into
 * words at newlines and run as "ip [OPTIONS] OBJECT WORDS...", inside the
 * sandbox (sandbox.c), since a parser that accepts the words goes on to talk
 * to the kernel, and some parsers look devices up while parsing.
 *
 * Input: one byte of global options (bit 0 -j, 1 -p, 2 -o, 3 -br, 4 -s,
 * 5 -d, 6 -4, 7 -6), then the words. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox.h"

#ifndef FUZZ_OBJECT
#define FUZZ_OBJECT "link"
#endif

enum { MAX_WORDS = 64 };

int ip_main(int argc, char **argv);

static const char *const flag_opts[] = {
	"-j", "-p", "-o", "-br", "-s", "-d", "-4", "-6",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_sandbox_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_WORDS + 16], *buf, *p;
	int argc = 0, i;

	if (size < 1 || size > 4096)
		return 0;
	fuzz_sandbox_tick();
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	argv[argc++] = "ip";
	for (i = 0; i < 8; i++)
		if (data[0] & (1 << i))
			argv[argc++] = (char *)flag_opts[i];
	argv[argc++] = FUZZ_OBJECT;
	/* Words may be empty ("ip link show ''"): split at every newline. */
	for (p = buf; argc < MAX_WORDS + 10 && size > 1; p++) {
		argv[argc++] = p;
		p = strchr(p, '\n');
		if (!p)
			break;
		*p = '\0';
	}
	argv[argc] = NULL;
	ip_main(argc, argv);	/* "netns monitor" fails: no inotify in the cage */
	free(buf);
	return 0;
}
