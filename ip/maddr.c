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

static int maddr_usage(void)
{
	fprintf(stderr,
		"Usage: ip maddress { add | del } LLADDR dev IFNAME\n"
		"       ip maddress [ show | list | lst ] [ [ dev ] IFNAME ]\n");
	return EXIT_USAGE;
}

struct maddr {
	int index;
	unsigned int seq;	/* keeps each file's order within a link */
	int family;		/* AF_PACKET, AF_INET or AF_INET6 */
	int users;
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

/* Hex digits as bytes (the /proc files print addresses that way). */
static int hex_bytes(uint8_t *out, size_t max, const char *s)
{
	size_t n = 0;

	for (; s[0] && s[1] && n < max; s += 2) {
		unsigned int v;

		if (!scan_uint((char[]){ s[0], s[1], 0 }, "", 16, &v))
			return -1;
		out[n++] = v;
	}
	return (int)n;
}

/* "IDX NAME ..." at the start of a line; NAME ends at a blank or ':'
 * (igmp runs a long name into its colon).  Returns what follows. */
static char *line_head(char *p, int *index, char *name)
{
	char *end;
	size_t n;

	*index = (int)strtol(p, &end, 10);
	if (end == p)
		return NULL;
	end += strspn(end, " \t");
	n = strcspn(end, " \t:\n");
	if (!n || n >= IFNAMSIZ)
		return NULL;
	memcpy(name, end, n);
	name[n] = '\0';
	return end + n;
}

/* /proc/net/dev_mcast: "idx name users static hexaddr". */
static void read_dev_mcast(struct maddr_list *l, char *line)
{
	char name[IFNAMSIZ], hex[80];
	int index, users, st;
	struct maddr *m;
	char *p = line_head(line, &index, name);

	if (!p || sscanf(p, "%d %d %79s", &users, &st, hex) != 3)
		return;
	m = maddr_new(l, AF_PACKET, index, name);
	if (!m)
		return;
	m->users = users;
	m->is_static = st > 0;
	m->len = (uint8_t)(hex_bytes(m->addr, sizeof(m->addr), hex) & 0xff);
}

/* /proc/net/igmp6: "idx name hexaddr users flags timer". */
static void read_igmp6(struct maddr_list *l, char *line)
{
	char name[IFNAMSIZ], hex[40];
	int index, users;
	struct maddr *m;
	char *p = line_head(line, &index, name);

	if (!p || sscanf(p, "%39s %d", hex, &users) != 2)
		return;
	m = maddr_new(l, AF_INET6, index, name);
	if (m && hex_bytes(m->addr, 16, hex) == 16) {
		m->len = 16;
		m->users = users;
	} else if (m) {
		l->n--;
	}
}

/* /proc/net/igmp: a line per link, then a tab-indented line per group
 * ("GROUP users ..."), the group as the kernel's u32 in hex. */
static void read_igmp(struct maddr_list *l, char *line, int *index,
		      char *name)
{
	unsigned int group;
	struct maddr *m;
	int users;

	if (line[0] != '\t') {
		if (!line_head(line, index, name))
			*index = -1;
		return;
	}
	if (*index < 0 || sscanf(line, "%x %d", &group, &users) != 2)
		return;
	m = maddr_new(l, AF_INET, *index, name);
	if (!m)
		return;
	memcpy(m->addr, &group, 4);	/* the bytes in memory are the address */
	m->len = 4;
	m->users = users;
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
	if (m->users > 1)
		out_int(o, OUT_ANY, "users", " users %d", m->users);
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
			fprintf(stderr,
				"Error: Invalid address length %d - must be 6 bytes\n",
				n);
			return EXIT_FAIL;
		}
		memcpy(ifr.ifr_hwaddr.sa_data, a, 6);
		have_addr = true;
	}
	if (!dev) {
		fprintf(stderr, "Not enough information: \"dev\" is required.\n");
		return EXIT_USAGE;
	}
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || ioctl(fd, add ? SIOCADDMULTI : SIOCDELMULTI, &ifr) < 0) {
		fprintf(stderr, "ioctl: %s\n", err_text(errno));
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
	if (matches(verb, "list") || matches(verb, "show") ||
	    matches(verb, "lst"))
		return maddr_show(ctx, argc - 1, argv + 1);
	if (matches(verb, "help"))
		return maddr_usage();
	fprintf(stderr, "Command \"%s\" is unknown, try \"ip maddr help\".\n",
		verb);
	return EXIT_USAGE;
}
