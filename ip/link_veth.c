/* type veth: "peer [name] NAME [options]" nests a whole link request. */
#include <linux/veth.h>

#include "link_kind.h"
#include "usage_text.h"

static void veth_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_VETH);
}

static int veth_parse(struct ipctx *ctx, struct nl_req *r,
		      const char *kind, int argc, char **argv)
{
	struct ifinfomsg *ifi = (struct ifinfomsg *)(r->nlh + 1);
	struct ifinfomsg saved = *ifi, *peer;
	struct rtattr *nest;
	int used;

	if (!streq(argv[0], "peer")) {
		veth_usage(stdout, kind);
		return EXIT_FAIL;
	}
	/* The peer's flags are parsed where the link's own are kept, then
	 * moved into the peer's header, as the reference does. */
	ifi->ifi_flags = ifi->ifi_change = 0;
	ifi->ifi_index = 0;
	nest = link_nest(r, VETH_INFO_PEER);
	peer = nl_put_hdr(r, sizeof(*peer));
	used = link_parse_peer(ctx, r, ifi, argc - 1, argv + 1);
	if (used < 0)
		return -used;
	if (peer) {
		peer->ifi_index = ifi->ifi_index;
		peer->ifi_flags = ifi->ifi_flags;
		peer->ifi_change = ifi->ifi_change;
	}
	ifi->ifi_flags = saved.ifi_flags;
	ifi->ifi_change = saved.ifi_change;
	ifi->ifi_index = saved.ifi_index;
	nl_nest_end(r, nest);
	return EXIT_OK;
}

const struct link_kind veth_kind = {
	.name = "veth",
	.parse = veth_parse,
	.usage = veth_usage,
};
