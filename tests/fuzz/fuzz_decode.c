/* The netlink decoder: an arbitrary kernel reply, walked by nl_walk_buf and
 * fed to every printer in every output mode.  In JSON mode the output must
 * be valid JSON, whatever the reply held.
 *
 * Input: two mode bytes, then the datagram as the kernel would send it.
 *   byte 0: bit 0 -j, 1 -p, 2 -o, 3 -br, 4-5 -s count, 6-7 -d count
 *   byte 1: bits 0-1 family (unspec, inet, inet6, link), 2 dump, 3 -N,
 *           4 -h, 5 -iec, 6 colour, 7 -a
 * The sequence number expected is the first message's, so most inputs get
 * past the sequence check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "ip.h"
#include "json_check.h"
#include "sandbox.h"
#if __has_include("route.h")
#include "route.h"
#define HAVE_ROUTE 1
#endif

/* Printers that land later are optional, so this builds at every commit. */
int print_addr(struct ipctx *ctx, struct nlmsghdr *nlh) __attribute__((weak));
int print_rule(struct ipctx *ctx, struct nlmsghdr *nlh) __attribute__((weak));

static const int families[] = { AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET };

static int print_any(struct nlmsghdr *nlh, void *arg)
{
	struct ipctx *ctx = arg;

	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		ll_cache_note(ctx, nlh);
		return print_link(ctx, nlh);
	case RTM_NEWADDR:
	case RTM_DELADDR:
		return print_addr ? print_addr(ctx, nlh) : 0;
	case RTM_NEWRULE:
	case RTM_DELRULE:
		return print_rule ? print_rule(ctx, nlh) : 0;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
	case RTM_GETNEIGH:
		print_neigh(ctx, nlh, true);
		return 0;
#ifdef HAVE_ROUTE
	case RTM_NEWROUTE:
	case RTM_DELROUTE: {
		struct rt_filter f;

		rt_filter_init(&f);
		print_route(ctx, &f, nlh);
		return 0;
	}
#endif
	}
	return 0;
}

static void set_modes(struct ipctx *ctx, uint8_t m0, uint8_t m1)
{
	ctx->out.json = m0 & 1;
	ctx->out.pretty = (m0 & 3) == 3;
	ctx->out.oneline = m0 & 4;
	ctx->brief = m0 & 8;
	ctx->stats = (m0 >> 4) & 3;
	ctx->details = (m0 >> 6) & 3;
	ctx->family = families[m1 & 3];
	ctx->numeric = m1 & 8;
	ctx->human = m1 & 16;
	ctx->iec = m1 & 32;
	ctx->all = m1 & 128;
	out_set_color(&ctx->out, m1 & 64 ? COLOR_ALWAYS : COLOR_NEVER);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_sandbox_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ipctx ctx = { .family = AF_UNSPEC, .loops = 10 };
	struct nl_sock fake = { .fd = -1 };
	char *out = NULL, *buf;
	size_t outlen = 0;
	uint32_t seq = 0;
	FILE *f;

	if (size < 2 || size > 65536)
		return 0;
	size -= 2;
	/* The kernel's buffers are aligned; so is ours (malloc). */
	buf = malloc(size ? size : 1);
	memcpy(buf, data + 2, size);
	if (size >= sizeof(struct nlmsghdr))
		seq = ((struct nlmsghdr *)buf)->nlmsg_seq;
	f = open_memstream(&out, &outlen);
	out_init(&ctx.out, f);
	set_modes(&ctx, data[0], data[1]);
	ll_cache_fill(&ctx);	/* lo only: names resolve without queries */
	out_begin(&ctx.out);
	nl_walk_buf(&fake, buf, size, seq, data[1] & 4, print_any, &ctx);
	out_end(&ctx.out);
	out_flush(&ctx.out);
	fclose(f);
	if (ctx.out.json && !json_valid(out, outlen)) {
		fprintf(stderr, "invalid JSON:\n%.*s\n", (int)outlen, out);
		abort();
	}
	free(out);
	free(buf);
	ll_cache_free(&ctx);
	if (ctx.nl_open)
		nl_close(&ctx.nl);
	return 0;
}
