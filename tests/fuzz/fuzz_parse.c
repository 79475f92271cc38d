/* The address, prefix, MAC, number and name parsers, with round trips:
 * whatever a parser accepts must print back to text that parses to the same
 * value.  No kernel, no sandbox needed.
 *
 * Input: one selector byte (low 3 bits: which parser; high bits: family or
 * base or table), then the text. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util.h"

/* The route parsers land in ip/route.c; optional so this builds anyway. */
struct rt_prefix;
int rt_get_prefix(struct rt_prefix *p, const char *s, int family)
	__attribute__((weak));
int rt_get_addr(struct rt_prefix *p, const char *s, int family)
	__attribute__((weak));

static const int families[] = { AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET };

static void addr_round_trip(const char *s, int family, bool prefix)
{
	struct inet_addr a, b;
	char buf[128];
	int err = prefix ? parse_prefix(&a, s, family) : parse_addr(&a, s, family);

	if (err)
		return;
	assert(a.bytelen <= sizeof(a.data));
	assert(a.bitlen <= a.bytelen * 8);
	if (a.flags & ADDR_DEFAULT)
		return;
	assert(a.family == AF_INET || a.family == AF_INET6);
	format_addr(a.family, a.data, a.bytelen, buf, sizeof(buf));
	assert(parse_addr(&b, buf, a.family) == 0);
	assert(b.family == a.family && !memcmp(a.data, b.data, a.bytelen));
}

static void lladdr_round_trip(const char *s)
{
	uint8_t a[32], b[32];
	char buf[128];
	int n = parse_lladdr(a, sizeof(a), s), m;

	if (n <= 0)
		return;
	assert(n <= (int)sizeof(a));
	format_lladdr(a, n, buf, sizeof(buf));
	m = parse_lladdr(b, sizeof(b), buf);
	assert(m == n && !memcmp(a, b, n));
}

static void number_round_trip(const char *s, int base)
{
	char buf[32];
	uint64_t v64, w64;
	uint32_t v32;
	uint16_t v16;
	uint8_t v8;
	int32_t s32;

	if (!parse_u64(&v64, s, base)) {
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v64);
		assert(!parse_u64(&w64, buf, 10) && w64 == v64);
	}
	if (!parse_u32(&v32, s, base))
		assert(!parse_u64(&v64, s, base) && v64 == v32);
	if (!parse_u16(&v16, s, base))
		assert(!parse_u32(&v32, s, base) && v32 == v16);
	if (!parse_u8(&v8, s, base))
		assert(!parse_u16(&v16, s, base) && v16 == v8);
	parse_s32(&s32, s, base);
}

static void name_round_trip(const char *s, int t)
{
	uint32_t id, id2;
	char buf[64];
	const char *name;

	t %= NT_MAX;
	if (id_of(t, s, &id))
		return;
	name = name_of(t, id, buf, sizeof(buf));
	assert(name && *name);
	assert(!id_of(t, name, &id2) && id2 == id);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	names_set_dir("/etc/iproute2");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t rtp[8];	/* big enough for a struct rt_prefix */
	char *s;
	int sel, arg;

	if (size < 1 || size > 512)
		return 0;
	sel = data[0] & 7;
	arg = data[0] >> 3;
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	switch (sel) {
	case 0: addr_round_trip(s, families[arg & 3], false); break;
	case 1: addr_round_trip(s, families[arg & 3], true); break;
	case 2: lladdr_round_trip(s); break;
	case 3: number_round_trip(s, (int[]){ 0, 10, 16, 8 }[arg & 3]); break;
	case 4: name_round_trip(s, arg); break;
	case 5: (void)matches(s, "address"); break;
	case 6:
		if (rt_get_prefix)
			rt_get_prefix((struct rt_prefix *)rtp, s, families[arg & 3]);
		break;
	case 7:
		if (rt_get_addr)
			rt_get_addr((struct rt_prefix *)rtp, s, families[arg & 3]);
		break;
	}
	free(s);
	return 0;
}
