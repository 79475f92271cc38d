/* Nexthop objects (ip/nh_print.c): the printer that ip nexthop uses and
 * that ip route -d uses for its "nh_info" lines, and a cache of them. */
#ifndef NH_H
#define NH_H

#include <stdint.h>

#include "ip.h"

/* One RTM_NEWNEXTHOP/RTM_DELNEXTHOP message as a line of ip nexthop. */
int print_nexthop(struct ipctx *ctx, struct nlmsghdr *nlh);
/* One RTM_NEWNEXTHOPBUCKET message as a line of ip nexthop bucket. */
int print_nh_bucket(struct ipctx *ctx, struct nlmsghdr *nlh);

/* Nexthop objects by id, loaded with one dump before a route dump (the
 * socket is busy during it), for the "nh_info" line of ip route -d. */
struct nh_cache;
struct nh_cache *nh_cache_load(struct ipctx *ctx);
void nh_cache_free(struct nh_cache *c);
void print_nh_info(struct ipctx *ctx, const struct nh_cache *c, uint32_t id);

#endif
