/* ip route: pieces shared by the parser (route.c) and the printer and dump
 * commands (route_show.c). */
#ifndef ROUTE_H
#define ROUTE_H

#include <stdint.h>

#include "ip.h"
#include "names.h"
#include "nh.h"
#include "rt_print.h"

/* An address or prefix as the reference reads it: IPv4 parts may be short
 * ("10/8") and in any base, "default" sets PFX_LEN_GIVEN. */
struct rt_prefix {
	uint16_t family;	/* 0 when "any"/"default" came without one */
	uint16_t bytelen;
	int bitlen;
	unsigned int flags;
	uint8_t data[16];
};
enum { PFX_LEN_GIVEN = 1 };

/* Both print "Error: <family> {prefix|address} is expected rather than
 * ..." themselves; they return 0 or EXIT_FAIL. */
int rt_get_prefix(struct rt_prefix *p, const char *s, int family);
int rt_get_addr(struct rt_prefix *p, const char *s, int family);
/* After "via": [FAMILY] ADDRESS, in family unless FAMILY says; 0 or an
 * exit code (the errors printed). */
int rt_get_via(struct rt_prefix *a, int *argc, char ***argv, int family);

/* What a listing, flush or save keeps; masks as in "value ^ want & mask". */
struct rt_filter {
	int cloned;		/* 0 normal, 1 cache only, 2 either (get) */
	uint32_t tb;		/* 0: every table */
	uint32_t tos, tosmask;
	uint32_t protocol, protocolmask;
	uint32_t scope, scopemask;
	uint32_t typemask;
	uint32_t realm, realmmask;
	uint32_t iif, iifmask;
	uint32_t oif, oifmask;
	uint32_t mark, markmask;
	uint32_t metric, metricmask;
	struct rt_prefix rdst, mdst, rsrc, msrc, rvia, rprefsrc;
	bool flushing;
	struct nh_cache *nh;	/* with -d: nexthop objects by id */
};

void rt_filter_init(struct rt_filter *f);
/* ip route show/list/flush/save with its selectors. */
int route_list(struct ipctx *ctx, int argc, char **argv, int action);
enum { RT_LIST, RT_FLUSH, RT_SAVE };
int route_restore(struct ipctx *ctx);
int route_usage(void);
int route_showdump(struct ipctx *ctx);
/* One route message in the current output mode; 0, or <0 for a bad one. */
int print_route(struct ipctx *ctx, const struct rt_filter *f,
		struct nlmsghdr *nlh);

#endif
