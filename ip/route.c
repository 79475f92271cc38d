/* ip route: to be written. */
#include "ip.h"

int do_route(struct ipctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	fprintf(stderr, "ip route: not implemented yet\n");
	return EXIT_FAIL;
}
