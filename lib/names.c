/* Name <-> number tables (routing tables, protocols, scopes, groups, ...).
 * Built-in names cover an empty root; /etc/iproute2 files are read on the
 * first lookup that needs them, never at start-up. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

struct name_ent {
	uint32_t id;
	char *name;
};

struct name_tab {
	const char *file;
	const char *dir;	/* optional NAME.d directory of *.conf files */
	const struct name_ent *builtin;
	struct name_ent *ents;
	size_t n, cap;
	bool loaded;
};

static const struct name_ent tables_builtin[] = {
	{ 0, "unspec" }, { 253, "default" }, { 254, "main" }, { 255, "local" },
	{ 0, NULL },
};
static const struct name_ent protos_builtin[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" },
	{ 4, "static" }, { 8, "gated" }, { 9, "ra" }, { 10, "mrt" },
	{ 11, "zebra" }, { 12, "bird" }, { 13, "dnrouted" }, { 14, "xorp" },
	{ 15, "ntk" }, { 16, "dhcp" }, { 18, "keepalived" }, { 42, "babel" },
	{ 99, "openr" }, { 186, "bgp" }, { 187, "isis" }, { 188, "ospf" },
	{ 189, "rip" }, { 192, "eigrp" }, { 0, NULL },
};
static const struct name_ent scopes_builtin[] = {
	{ 0, "global" }, { 200, "site" }, { 253, "link" }, { 254, "host" },
	{ 255, "nowhere" }, { 0, NULL },
};
static const struct name_ent groups_builtin[] = {
	{ 0, "default" }, { 0, NULL },
};
static const struct name_ent realms_builtin[] = {
	{ 0, "unknown" }, { 0, NULL },
};
static const struct name_ent empty_builtin[] = { { 0, NULL } };

static struct name_tab tabs[NT_MAX] = {
	[NT_TABLES] = { .file = "rt_tables", .dir = "rt_tables.d", .builtin = tables_builtin },
	[NT_PROTOS] = { .file = "rt_protos", .dir = "rt_protos.d", .builtin = protos_builtin },
	[NT_SCOPES] = { .file = "rt_scopes", .builtin = scopes_builtin },
	[NT_GROUPS] = { .file = "group", .builtin = groups_builtin },
	[NT_REALMS] = { .file = "rt_realms", .builtin = realms_builtin },
	[NT_DSFIELD] = { .file = "rt_dsfield", .builtin = empty_builtin },
};

static const char *conf_dir = "/etc/iproute2";

void names_set_dir(const char *dir)
{
	conf_dir = dir;
}

static void tab_add(struct name_tab *t, uint32_t id, const char *name)
{
	char *copy;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct name_ent *p = realloc(t->ents, cap * sizeof(*p));

		if (!p)
			return;
		t->ents = p;
		t->cap = cap;
	}
	copy = strdup(name);
	if (!copy)
		return;
	t->ents[t->n].id = id;
	t->ents[t->n].name = copy;
	t->n++;
}

/* One line: "ID NAME", '#' comments; ids may be hex (0x...). */
static void tab_line(struct name_tab *t, char *p)
{
	bool hex;
	unsigned long id;
	char *end;
	size_t n;

	p += strspn(p, " \t");
	if (!*p || *p == '#')
		return;
	hex = p[0] == '0' && p[1] == 'x';
	p += hex ? 2 : 0;
	id = strtoul(p, &end, hex ? 16 : 10);
	if (end == p || !strchr(" \t", *end))
		return;
	p = end + strspn(end, " \t");
	n = strcspn(p, " \t\r\v\f");
	if (!n || *p == '#' || id > UINT32_MAX)
		return;
	p[n < 255 ? n : 255] = '\0';
	tab_add(t, id, p);
}

/* The whole file in one read(2), without stdio: this runs for the "group"
 * of every ip link, where it was a tenth of the start-up. */
static void tab_read(struct name_tab *t, const char *path)
{
	size_t len = 0, cap = 4096;
	char *buf, *line, *nl;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	buf = malloc(cap);
	while (buf) {
		ssize_t n = read(fd, buf + len, cap - len - 1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		if (len + 1 < cap)
			break;	/* a short read of a regular file: its end */
		cap *= 2;
		line = realloc(buf, cap);
		if (!line)
			break;
		buf = line;
	}
	close(fd);
	for (line = buf; buf && line < buf + len; line = nl + 1) {
		nl = memchr(line, '\n', buf + len - line);
		if (!nl)
			nl = buf + len;
		*nl = '\0';
		tab_line(t, line);
	}
	free(buf);
}

static void tab_read_dir(struct name_tab *t, const char *dirpath)
{
	struct dirent *de;
	DIR *d = opendir(dirpath);
	char path[1400];

	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len < 6 || strcmp(de->d_name + len - 5, ".conf"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirpath, de->d_name);
		tab_read(t, path);
	}
	closedir(d);
}

static struct name_tab *tab_get(enum name_table which)
{
	struct name_tab *t = &tabs[which];
	char path[1024];

	if (!t->loaded) {
		t->loaded = true;
		snprintf(path, sizeof(path), "%s/%s", conf_dir, t->file);
		tab_read(t, path);
		if (t->dir) {
			snprintf(path, sizeof(path), "%s/%s", conf_dir, t->dir);
			tab_read_dir(t, path);
		}
	}
	return t;
}

static const char *builtin_name(const struct name_ent *e, uint32_t id)
{
	for (; e->name; e++)
		if (e->id == id)
			return e->name;
	return NULL;
}

const char *name_of(enum name_table which, uint32_t id, char *buf,
		    size_t size)
{
	struct name_tab *t = tab_get(which);
	const char *b;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->ents[i].id == id)
			return t->ents[i].name;
	b = builtin_name(t->builtin, id);
	if (b)
		return b;
	snprintf(buf, size, "%u", id);
	return buf;
}

int id_of(enum name_table which, const char *name, uint32_t *id)
{
	struct name_tab *t = tab_get(which);
	const struct name_ent *e;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (streq(t->ents[i].name, name)) {
			*id = t->ents[i].id;
			return 0;
		}
	for (e = t->builtin; e->name; e++)
		if (streq(e->name, name)) {
			*id = e->id;
			return 0;
		}
	return parse_u32(id, name, 0) ? -EINVAL : 0;
}

/* /etc/passwd and /etc/group as getpwnam/getgrgid find entries in files
 * (no NSS in a static binary): the id is the third field of both.  With
 * name set, the entry of that name gives *id; else the entry of *id gives
 * its name in buf. */
bool passwd_lookup(const char *file, const char *name, unsigned int *id,
		   char *buf, size_t size)
{
	char line[512], *f2, *f3, *end;
	bool found = false, cont = false;
	FILE *f = fopen(file, "re");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		bool head = !cont;
		unsigned long long v;

		/* the tail of a long line (a group's members) is no entry */
		cont = !strchr(line, '\n');
		f2 = head ? strchr(line, ':') : NULL;
		f3 = f2 ? strchr(f2 + 1, ':') : NULL;
		if (!f3 || f3[1] < '0' || f3[1] > '9')
			continue;
		v = strtoull(f3 + 1, &end, 10);
		if (*end != ':' || v > UINT32_MAX)
			continue;
		*f2 = '\0';
		if (name ? !streq(line, name) : v != *id)
			continue;
		if (name)
			*id = v;
		else
			snprintf(buf, size, "%.255s", line);
		found = true;
	}
	fclose(f);
	return found;
}
