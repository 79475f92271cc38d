/* -r: names for addresses from /etc/hosts, as the reference's resolver finds
 * them there.  No DNS: a listing never waits on the network. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

bool hosts_lookup(int family, const void *addr, size_t len, char *buf,
		  size_t size)
{
	char line[512], a[64], name[256];
	uint8_t bin[16];
	bool found = false;
	FILE *f;

	if ((family != AF_INET || len != 4) && (family != AF_INET6 || len != 16))
		return false;
	f = fopen("/etc/hosts", "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		if (sscanf(line, "%63s %255s", a, name) == 2 &&
		    inet_pton(family, a, bin) == 1 && !memcmp(bin, addr, len)) {
			snprintf(buf, size, "%s", name);
			found = true;
		}
	}
	fclose(f);
	return found;
}
