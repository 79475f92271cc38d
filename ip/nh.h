/* Nexthop objects (ip/nh_print.c): the printer that ip nexthop uses and
 * that ip route -d uses for its "nh_info" lines, and a cache of them. */
#ifndef NH_H
#define NH_H

#include <stdint.h>

#include "ip.h"

/* One RTM_{NEW,DEL}NEXTHOP message as a line of ip nexthop, or one
 * RTM_{NEW,DEL}NEXTHOPBUCKET as a line of ip nexthop bucket. */
int print_nexthop(struct ipctx *ctx, struct nlmsghdr *nlh);

/* Nexthop objects by id, loaded with one dump before a route dump (the
 * socket is busy during it), for the "nh_info" line of ip route -d. */
struct nh_cache;
struct nh_cache *nh_cache_load(struct ipctx *ctx);
void nh_cache_free(struct nh_cache *c);
void print_nh_info(struct ipctx *ctx, const struct nh_cache *c, uint32_t id);

#endif
