/* Whole commands against a fuzzed kernel: "ip address show", "ip route
 * show", ... run with every netlink reply taken from the input (the fake
 * kernel of fakekernel.c, linked in with --wrap=recvmsg,sendto, so no request
 * reaches the real kernel).  This reaches the printers that are static in
 * their files (addresses, routes, link kinds, netns ids) with the joins
 * between dumps, in every output mode.
 *
 * Input: one byte choosing the command, then datagrams, each a 16-bit
 * length and that many bytes.  Each is stamped with the sequence number of
 * the last request; when they run out, recvmsg fails (ENOTCONN).
 * With -j the output must be empty or valid JSON, whatever happened. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fakekernel.h"
#include "json_check.h"
#include "sandbox.h"

int ip_main(int argc, char **argv);

static const char *const commands[][8] = {
	{ "link", "show" },
	{ "-d", "link", "show" },
	{ "-s", "-s", "link", "show" },
	{ "-j", "-p", "-d", "link", "show" },
	{ "-br", "link", "show" },
	{ "-o", "-d", "link", "show" },
	{ "address", "show" },
	{ "-s", "-d", "address", "show" },
	{ "-j", "-p", "address", "show" },
	{ "-br", "address", "show" },
	{ "-o", "address", "show" },
	{ "-6", "address", "show", "dev", "lo" },
	{ "route", "show", "table", "all" },
	{ "-d", "route", "show" },
	{ "-j", "-p", "-d", "route", "show", "table", "all" },
	{ "-6", "route", "show" },
	{ "-s", "route", "show", "cache" },
	{ "route", "get", "10.0.0.1" },
	{ "-j", "route", "get", "2001:db8::1" },
	{ "netns", "list-id" },
	{ "-j", "netns", "list" },
	{ "link", "show", "dev", "v0" },
	{ "-d", "-j", "address", "show", "dev", "v0" },
	{ "route", "save" },
	{ "address", "save" },
	{ "route", "flush", "table", "100" },
	{ "-batch", "-" },
};
enum { NCMD = sizeof(commands) / sizeof(commands[0]) };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_sandbox_init();
	return 0;
}

/* Turn [len16][bytes]... into the fake kernel's frames. */
static uint8_t *frames(const uint8_t *p, size_t n, size_t *out_len)
{
	/* Worst case: empty datagrams, 2 input bytes each, a frame header each. */
	uint8_t *buf = malloc(n / 2 * sizeof(struct frame) + n + 64), *w = buf;

	while (n >= 2) {
		struct frame fr = { 0 };
		size_t len = p[0] | p[1] << 8;

		p += 2;
		n -= 2;
		if (len > n)
			len = n;
		fr.len = len;
		memcpy(w, &fr, sizeof(fr));
		memcpy(w + sizeof(fr), p, len);
		w += sizeof(fr) + len;
		p += len;
		n -= len;
	}
	*out_len = w - buf;
	return buf;
}

/* Run ip with stdout in a memfd; in JSON mode check what it wrote. */
static void run_checked(int argc, char **argv, bool json)
{
	int out = memfd_create("stdout", 0), saved = dup(1);
	char *text;
	off_t len;

	fflush(stdout);
	dup2(out, 1);
	ip_main(argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	len = lseek(out, 0, SEEK_END);
	if (json && len > 0) {
		text = malloc(len);
		if (pread(out, text, len, 0) == len && !json_valid(text, len)) {
			fprintf(stderr, "invalid JSON:\n%.*s\n", (int)len, text);
			abort();
		}
		free(text);
	}
	close(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[12];
	const char *const *cmd;
	uint8_t *script;
	size_t len;
	int argc = 0, i;

	if (size < 1 || size > 65536)
		return 0;
	cmd = commands[data[0] % NCMD];
	script = frames(data + 1, size - 1, &len);
	fk_set_script(script, len);
	argv[argc++] = "ip";
	for (i = 0; i < 8 && cmd[i]; i++)
		argv[argc++] = (char *)cmd[i];
	argv[argc] = NULL;
	run_checked(argc, argv, !strcmp(cmd[0], "-j"));
	free(script);
	return 0;
}

/* The fake kernel, in place of the real calls (see the Makefile). */
ssize_t __wrap_sendto(int fd, const void *buf, size_t len, int flags,
		      const struct sockaddr *to, socklen_t tolen)
{
	fk_sent(buf, len);
	return len;
}

ssize_t __wrap_recvmsg(int fd, struct msghdr *msg, int flags)
{
	return fk_recvmsg(fd, msg, flags);
}
