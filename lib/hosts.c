/* Names from /etc files, as the reference's libc finds them there: hosts
 * for -r (no DNS: a listing never waits on the network) and protocols. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The next run of non-blank characters at *p (NULL if none); NUL-ends it. */
static char *next_word(char **p)
{
	char *w = *p + strspn(*p, " \t\n\v\f\r"), *end;

	if (!*w)
		return NULL;
	end = w + strcspn(w, " \t\n\v\f\r");
	*p = *end ? end + 1 : end;
	*end = '\0';
	return w;
}

bool hosts_lookup(int family, const void *addr, size_t len, char *buf,
		  size_t size)
{
	char line[512], *p, *a, *name;
	uint8_t bin[16];
	bool found = false;
	FILE *f;

	if ((family != AF_INET || len != 4) && (family != AF_INET6 || len != 16))
		return false;
	f = fopen("/etc/hosts", "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "#")] = '\0';
		p = line;
		a = next_word(&p);
		name = a ? next_word(&p) : NULL;
		if (name && inet_pton(family, a, bin) == 1 &&
		    !memcmp(bin, addr, len)) {
			/* A name of up to 255 characters, as before. */
			snprintf(buf, size, "%.255s", name);
			found = true;
		}
	}
	fclose(f);
	return found;
}

/* /etc/protocols as glibc's files backend reads it ("name number
 * aliases..."): the first line whose name or alias is `name`, or, for a
 * NULL name, whose number is *num.  Its number goes to *num, its name to
 * buf.  Read here rather than through getprotobyname(), which a static
 * glibc binary can only reach through NSS modules it cannot load. */
static bool protocols_find(const char *name, int *num, char *buf, size_t size)
{
	char line[512], *p, *official, *number, *alias;
	bool found = false;
	FILE *f = fopen("/etc/protocols", "re");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "#")] = '\0';
		p = line;
		official = next_word(&p);
		number = official ? next_word(&p) : NULL;
		if (!number)
			continue;
		found = name ? streq(official, name) :
				(int)strtol(number, NULL, 10) == *num;
		while (name && !found && (alias = next_word(&p)))
			found = streq(alias, name);
		if (found) {
			*num = (int)strtol(number, NULL, 10);
			snprintf(buf, size, "%s", official);
		}
	}
	fclose(f);
	return found;
}

const char *ipproto_name(int proto, bool numeric, char *buf, size_t size)
{
	if (numeric || !protocols_find(NULL, &proto, buf, size))
		snprintf(buf, size, "ipproto-%d", proto);
	return buf;
}

int ipproto_id(const char *s)
{
	char buf[64];
	uint8_t v;
	int num;

	if (!parse_u8(&v, s, 10))
		return v;
	return protocols_find(s, &num, buf, sizeof(buf)) ? num : -1;
}
