/* Names that several objects read from the command line (route, rule,
 * nexthop, ...): tables, protocols, scopes, dsfield and realms, each with
 * the reference's limits.  The tables themselves are in lib/names.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "names.h"

static int lookup_capped(enum name_table t, const char *s, uint32_t *id,
			 uint32_t max)
{
	uint32_t v;

	if (id_of(t, s, &v) || v > max)
		return -1;
	*id = v;
	return 0;
}

int rt_table_a2n(const char *s, uint32_t *id)
{
	return lookup_capped(NT_TABLES, s, id, UINT32_MAX);
}

int rt_proto_a2n(const char *s, uint32_t *id)
{
	return lookup_capped(NT_PROTOS, s, id, 255);
}

int rt_scope_a2n(const char *s, uint32_t *id)
{
	return lookup_capped(NT_SCOPES, s, id, 255);
}

/* Names from rt_dsfield, else a hexadecimal number (with or without 0x). */
int rt_dsfield_a2n(const char *s, uint32_t *id)
{
	char buf[32], *end;
	unsigned long v;
	const char *n;

	if (!id_of(NT_DSFIELD, s, id)) {
		n = name_of(NT_DSFIELD, *id, buf, sizeof(buf));
		if (n != buf && streq(n, s))
			return 0;
	}
	if (!*s)
		return -1;
	v = strtoul(s, &end, 16);
	if (*end || v > 255)
		return -1;
	*id = v;
	return 0;
}

/* -N: the number even where rt_dsfield names it. */
const char *rt_dsfield_name(uint32_t tos, bool numeric, char *buf, size_t size)
{
	const char *n = numeric ? buf : name_of(NT_DSFIELD, tos, buf, size);

	if (n != buf)
		return n;
	snprintf(buf, size, "0x%02x", tos);
	return buf;
}

/* "TO", "FROM/TO" or a raw 32-bit number. */
int rt_realms_a2n(const char *s, uint32_t *realms)
{
	const char *slash = strchr(s, '/');
	char from[64];
	uint32_t a = 0, b = 0;

	if (!parse_u32(realms, s, 0))
		return 0;
	if (slash) {
		if ((size_t)(slash - s) >= sizeof(from))
			return -1;
		memcpy(from, s, slash - s);
		from[slash - s] = '\0';
		if (lookup_capped(NT_REALMS, from, &a, 255))
			return -1;
		s = slash + 1;
	}
	if (*s && lookup_capped(NT_REALMS, s, &b, 255))
		return -1;
	*realms = a << 16 | b;
	return 0;
}

/* Route types, which rules take as their actions too. */
int rt_type_a2n(const char *s, uint32_t *type)
{
	static const struct {
		const char *name;
		uint8_t type;
		bool exact;
	} __attribute__((packed)) t[] = {
		{ "local", RTN_LOCAL, true },	{ "nat", RTN_NAT, true },
		{ "broadcast", RTN_BROADCAST, false }, { "brd", RTN_BROADCAST, true },
		{ "anycast", RTN_ANYCAST, false }, { "multicast", RTN_MULTICAST, false },
		{ "prohibit", RTN_PROHIBIT, false },
		{ "unreachable", RTN_UNREACHABLE, false },
		{ "blackhole", RTN_BLACKHOLE, false },
		{ "xresolve", RTN_XRESOLVE, false },
		{ "unicast", RTN_UNICAST, false }, { "throw", RTN_THROW, true },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].exact ? streq(s, t[i].name) : matches(s, t[i].name)) {
			*type = t[i].type;
			return 0;
		}
	return parse_u32(type, s, 0) || *type > 255 ? -1 : 0;
}

static const char *const rt_types[] = {
	"none",	     "unicast", "local",       "broadcast",
	"anycast",   "multicast", "blackhole", "unreachable",
	"prohibit",  "throw",	"nat",	       "xresolve",
};

/* -N: the number even for the types that have a name. */
const char *rt_type_name(uint32_t type, bool numeric, char *buf, size_t size)
{
	if (!numeric && type < sizeof(rt_types) / sizeof(rt_types[0]))
		return rt_types[type];
	snprintf(buf, size, "%u", type);
	return buf;
}

/* NUD states (ip neigh, and ip monitor's neighbour lines).  The reference
 * takes "permanent", "reachable" and "failed" abbreviated, the others only
 * spelled out, and else a number that is 0 or a single bit below 256. */
static const struct nud_name {
	uint8_t bit;
	bool prefix;
	const char *word;	/* on the command line; listings upper-case it */
} __attribute__((packed)) nud_names[] = {
	{ NUD_PERMANENT, true, "permanent" },
	{ NUD_REACHABLE, true, "reachable" },
	{ NUD_NOARP, false, "noarp" },
	{ NUD_NONE, false, "none" },
	{ NUD_STALE, false, "stale" },
	{ NUD_INCOMPLETE, false, "incomplete" },
	{ NUD_DELAY, false, "delay" },
	{ NUD_PROBE, false, "probe" },
	{ NUD_FAILED, true, "failed" },
};

int nud_state_a2n(const char *s, unsigned int *state)
{
	unsigned long v;
	char *end;
	size_t i;

	for (i = 0; i < sizeof(nud_names) / sizeof(nud_names[0]); i++) {
		const struct nud_name *n = &nud_names[i];

		if (n->prefix ? matches(s, n->word) : streq(s, n->word)) {
			*state = n->bit;
			return 0;
		}
	}
	v = strtoul(s, &end, 0);
	if (end == s || *end || v >= 256 || (v & (v - 1)))
		return -1;
	*state = v;
	return 0;
}

/* The listing's name of one state bit ("REACHABLE") in buf (16 bytes);
 * NULL for none. */
const char *nud_state_name(unsigned int bit, char *buf)
{
	size_t i, j;

	for (i = 0; i < sizeof(nud_names) / sizeof(nud_names[0]); i++) {
		if (nud_names[i].bit != bit || !bit)
			continue;
		for (j = 0; nud_names[i].word[j]; j++)
			buf[j] = nud_names[i].word[j] - 'a' + 'A';
		buf[j] = '\0';
		return buf;
	}
	return NULL;
}
