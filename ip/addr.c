/* ip addr: to be written. */
#include "ip.h"

int do_addr(struct ipctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	fprintf(stderr, "ip addr: not implemented yet\n");
	return EXIT_FAIL;
}
