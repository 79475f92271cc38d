/* Printer pieces that ip route and ip nexthop share (ip/rt_print.c). */
#ifndef RT_PRINT_H
#define RT_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "ip.h"

enum out_color family_color(int family);
/* MPLS labels as "L1/L2/...", up to the one marked bottom of stack. */
const char *mpls_text(const uint8_t *p, size_t len, char *buf, size_t size);
const char *addr_text(int family, const struct rtattr *a, char *buf,
		      size_t size);
/* -r: a name from /etc/hosts, else the address. */
const char *host_text(struct ipctx *ctx, int family, const struct rtattr *a,
		      char *buf, size_t size);
/* "via ADDR " (JSON "gateway"), "KEY NAME " and the nexthop flags list. */
void rt_print_gateway(struct ipctx *ctx, int family, const struct rtattr *a);
void rt_print_ifname(struct ipctx *ctx, const char *key, int ifindex);
void rt_print_flags(struct out *o, unsigned int flags);
/* " encap TYPE ..." (iproute2's double space), the mpls, ip, ip6 and
 * seg6 kinds in full, others by name only. */
void rt_print_encap(struct ipctx *ctx, const struct rtattr *type,
		    const struct rtattr *encap);

#endif
