/* ip maddress: the multicast addresses of each link, listed from /proc/net
 * (dev_mcast, igmp, igmp6); link-layer ones added and removed with the
 * SIOCADDMULTI/SIOCDELMULTI ioctls. */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "ip.h"
#include "usage_text.h"

static int maddr_usage(void)
{
	usage_print(stderr, USAGE_MADDRESS);
	return EXIT_USAGE;
}

struct maddr {
	int index;
	unsigned int seq;	/* keeps each file's order within a link */
	int family;		/* AF_PACKET, AF_INET or AF_INET6 */
	unsigned int users;	/* shown unsigned, as the reference does */
	bool is_static;
	uint8_t len;
	uint8_t addr[32];
	char name[IFNAMSIZ];
};

struct maddr_list {
	struct maddr *v;
	size_t n, cap;
	int family;		/* -4/-6/-0, AF_UNSPEC for all */
	const char *dev;	/* NULL for every link */
};

static struct maddr *maddr_new(struct maddr_list *l, int family, int index,
			       const char *name)
{
	struct maddr *m;

	if ((l->family != AF_UNSPEC && l->family != family) ||
	    (l->dev && !streq(l->dev, name)))
		return NULL;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct maddr *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		l->v = v;
		l->cap = cap;
	}
	m = &l->v[l->n];
	memset(m, 0, sizeof(*m));
	m->index = index;
	m->seq = l->n++;
	m->family = family;
	snprintf(m->name, sizeof(m->name), "%s", name);
	return m;
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Hex digits as bytes (the /proc files print addresses that way); -1
 * unless the whole string is pairs of them, at most max. */
static int hex_bytes(uint8_t *out, size_t max, const char *s)
{
	size_t n = 0;

	for (; *s; s += 2) {
		int hi = nibble(s[0]), lo = hi < 0 ? -1 : nibble(s[1]);

		if (lo < 0 || n == max)
			return -1;
		out[n++] = (uint8_t)(hi << 4 | lo);
	}
	return (int)n;
}

/* The blank-separated fields of a line, split in place (no sscanf: its
 * engine would be most of this object's size in the musl build). */
static int split_fields(char *p, char **f, int max)
{
	int n = 0;

	while (n < max) {
		p += strspn(p, " \t\n");
		if (!*p)
			break;
		f[n++] = p;
		p += strcspn(p, " \t\n");
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static bool get_num(const char *s, int base, long long *v)
{
	char *end;

	*v = strtoll(s, &end, base);
	return end != s && !*end;
}

/* Index and name of a line that starts "IDX NAME"; igmp ends the name
 * with a colon (right after it when the name is long). */
static bool line_link(char **f, int *index, char *name)
{
	long long v;
	size_t n = strcspn(f[1], ":");

	if (!get_num(f[0], 10, &v) || !n || n >= IFNAMSIZ)
		return false;
	*index = (int)v;
	memcpy(name, f[1], n);
	name[n] = '\0';
	return true;
}

/* /proc/net/dev_mcast: "idx name users static hexaddr". */
static void read_dev_mcast(struct maddr_list *l, char *line)
{
	char name[IFNAMSIZ], *f[5];
	uint8_t a[sizeof(((struct maddr *)0)->addr)];
	long long users, st;
	struct maddr *m;
	int index, len;

	if (split_fields(line, f, 5) != 5 || !line_link(f, &index, name) ||
	    !get_num(f[2], 10, &users) || !get_num(f[3], 10, &st))
		return;
	len = hex_bytes(a, sizeof(a), f[4]);
	if (len <= 0)
		return;
	m = maddr_new(l, AF_PACKET, index, name);
	if (!m)
		return;
	memcpy(m->addr, a, len);
	m->len = (uint8_t)len;
	m->users = (unsigned int)users;
	m->is_static = st > 0;
}

/* /proc/net/igmp6: "idx name hexaddr users flags timer". */
static void read_igmp6(struct maddr_list *l, char *line)
{
	char name[IFNAMSIZ], *f[4];
	struct maddr *m;
	uint8_t a[16];
	long long users;
	int index;

	if (split_fields(line, f, 4) != 4 || !line_link(f, &index, name) ||
	    hex_bytes(a, 16, f[2]) != 16 || !get_num(f[3], 10, &users))
		return;
	m = maddr_new(l, AF_INET6, index, name);
	if (!m)
		return;
	memcpy(m->addr, a, 16);
	m->len = 16;
	m->users = (unsigned int)users;
}

/* /proc/net/igmp: a line per link, then a tab-indented line per group
 * ("GROUP users ..."), the group as the kernel's u32 in hex. */
static void read_igmp(struct maddr_list *l, char *line, int *index,
		      char *name)
{
	bool group_line = line[0] == '\t';
	long long group, users;
	struct maddr *m;
	uint32_t g;
	char *f[2];

	if (split_fields(line, f, 2) != 2)
		return;
	if (!group_line) {
		if (!line_link(f, index, name))
			*index = -1;
		return;
	}
	if (*index < 0 || !get_num(f[0], 16, &group) ||
	    !get_num(f[1], 10, &users))
		return;
	m = maddr_new(l, AF_INET, *index, name);
	if (!m)
		return;
	g = (uint32_t)group;
	memcpy(m->addr, &g, 4);	/* the bytes in memory are the address */
	m->len = 4;
	m->users = (unsigned int)users;
}

static void read_file(struct maddr_list *l, const char *path, int family)
{
	char line[256], name[IFNAMSIZ] = "";
	int index = -1;
	FILE *f;

	if (l->family != AF_UNSPEC && l->family != family)
		return;
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (family == AF_PACKET)
			read_dev_mcast(l, line);
		else if (family == AF_INET6)
			read_igmp6(l, line);
		else
			read_igmp(l, line, &index, name);
	}
	fclose(f);
}

static int maddr_cmp(const void *a, const void *b)
{
	const struct maddr *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void print_head(struct out *o, const struct maddr *m)
{
	out_obj_open(o, NULL);
	out_int(o, OUT_ANY, "ifindex", "%d:", m->index);
	out_cstr(o, OUT_ANY, C_IFNAME, "ifname", "\t%s", m->name);
	out_nl(o);
	out_arr_open(o, "maddr");
}

static void print_maddr(struct out *o, const struct maddr *m)
{
	char buf[100];

	out_obj_open(o, NULL);
	if (m->family == AF_PACKET) {
		format_lladdr(m->addr, m->len, buf, sizeof(buf));
		out_text(o, "\tlink  ");
		out_cstr(o, OUT_ANY, C_MAC, "link", "%s", buf);
	} else {
		bool v6 = m->family == AF_INET6;

		format_addr(m->family, m->addr, m->len, buf, sizeof(buf));
		out_str(o, OUT_ANY, "family", v6 ? "\t%s " : "\t%s  ",
			v6 ? "inet6" : "inet");
		out_cstr(o, OUT_ANY, v6 ? C_INET6 : C_INET, "address", "%s", buf);
	}
	if (m->users != 1)
		out_uint(o, OUT_ANY, "users", " users %u", m->users);
	if (m->is_static)
		out_str(o, OUT_ANY, "features", " %s", "static");
	out_obj_close(o);
	out_eol(o);
}

/* A link's head, then its addresses ("maddr" in JSON); with -o a head for
 * each address, and in JSON an object for each, as the reference does. */
static void print_list(struct out *o, const struct maddr_list *l)
{
	size_t i;

	out_begin(o);
	for (i = 0; i < l->n; i++) {
		const struct maddr *m = &l->v[i];
		bool first = o->oneline || !i || l->v[i - 1].index != m->index;
		bool last = o->oneline || i + 1 == l->n ||
			    l->v[i + 1].index != m->index;

		if (first)
			print_head(o, m);
		print_maddr(o, m);
		if (last) {
			out_arr_close(o);
			out_obj_close(o);
		}
	}
	out_end(o);
}

static int maddr_show(struct ipctx *ctx, int argc, char **argv)
{
	struct maddr_list l = { .family = ctx->family };

	for (; argc > 0; argc--, argv++) {
		if (streq(*argv, "dev")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
		} else if (matches(*argv, "help")) {
			return maddr_usage();
		}
		if (l.dev)
			return duparg2("dev", *argv);
		l.dev = *argv;
	}
	read_file(&l, "/proc/net/dev_mcast", AF_PACKET);
	read_file(&l, "/proc/net/igmp", AF_INET);
	read_file(&l, "/proc/net/igmp6", AF_INET6);
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), maddr_cmp);
	print_list(&ctx->out, &l);
	free(l.v);
	return EXIT_OK;
}

static int maddr_modify(int argc, char **argv, bool add)
{
	struct ifreq ifr;
	const char *dev = NULL;
	bool have_addr = false;
	uint8_t a[32];
	int fd, n;

	memset(&ifr, 0, sizeof(ifr));
	for (; argc > 0; argc--, argv++) {
		if (streq(*argv, "dev")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
			if (dev)
				return duparg("dev", *argv);
			if (!check_ifname(*argv))
				return invarg("\"dev\" not a valid ifname", *argv);
			dev = *argv;
			continue;
		}
		if (matches(*argv, "address")) {
			if (!next_arg(&argc, &argv))
				return EXIT_USAGE;
		} else if (matches(*argv, "help")) {
			return maddr_usage();
		}
		if (have_addr)
			return duparg("address", *argv);
		n = get_lladdr(a, sizeof(a), *argv);
		if (n < 0)
			return EXIT_FAIL;
		if (n != 6) {
			pr_err(
				"Error: Invalid address length %d - must be 6 bytes\n",
				n);
			return EXIT_FAIL;
		}
		memcpy(ifr.ifr_hwaddr.sa_data, a, 6);
		have_addr = true;
	}
	if (!dev) {
		pr_err("Not enough information: \"dev\" is required.\n");
		return EXIT_USAGE;
	}
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || ioctl(fd, add ? SIOCADDMULTI : SIOCDELMULTI, &ifr) < 0) {
		pr_err("ioctl: %s\n", err_text(errno));
		if (fd >= 0)
			close(fd);
		return EXIT_FAIL;
	}
	close(fd);
	return EXIT_OK;
}

int do_maddr(struct ipctx *ctx, int argc, char **argv)
{
	const char *verb = argc > 0 ? argv[0] : "show";

	if (matches(verb, "add"))
		return maddr_modify(argc - 1, argv + 1, true);
	if (matches(verb, "delete"))
		return maddr_modify(argc - 1, argv + 1, false);
	if (is_list_verb(verb))
		return maddr_show(ctx, argc - 1, argv + 1);
	if (matches(verb, "help"))
		return maddr_usage();
	return unknown_command("maddr", verb);
}
