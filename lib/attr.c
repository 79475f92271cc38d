/* Attribute parsing with length checks; 64-bit reads via memcpy. */
#include <string.h>

#include "nl.h"

void nl_parse(struct rtattr **tb, int max, struct rtattr *rta, size_t len,
	      const uint8_t *minlen)
{
	unsigned int left = len > 0xffffffffu ? 0xffffffffu : (unsigned int)len;

	memset(tb, 0, sizeof(*tb) * (max + 1));
	for (; RTA_OK(rta, left); rta = RTA_NEXT(rta, left)) {
		unsigned int type = rta->rta_type & NLA_TYPE_MASK;

		if ((int)type <= max && !tb[type] &&
		    !(minlen && RTA_PAYLOAD(rta) < minlen[type]))
			tb[type] = rta;
		/* A last attribute without its padding: RTA_NEXT would wrap
		 * `left` around and read past the message. */
		if (RTA_ALIGN(rta->rta_len) >= left)
			break;
	}
}

void nl_parse_nested(struct rtattr **tb, int max, const struct rtattr *nest)
{
	if (!nest) {
		memset(tb, 0, sizeof(*tb) * (max + 1));
		return;
	}
	nl_parse(tb, max, RTA_DATA(nest), RTA_PAYLOAD(nest), NULL);
}

struct rtattr *nl_attr_next(const struct rtattr *a, unsigned int *left)
{
	if (RTA_ALIGN(a->rta_len) >= *left) {
		*left = 0;	/* that was the last one: RTA_OK now fails */
		return (struct rtattr *)a;
	}
	*left -= RTA_ALIGN(a->rta_len);
	return (struct rtattr *)((const char *)a + RTA_ALIGN(a->rta_len));
}

size_t nl_attr_len(const struct rtattr *a)
{
	return a ? RTA_PAYLOAD(a) : 0;
}

void *nl_attr_data(const struct rtattr *a)
{
	return RTA_DATA(a);
}

static void nl_attr_copy(const struct rtattr *a, void *out, size_t len)
{
	memset(out, 0, len);
	if (a && RTA_PAYLOAD(a) >= len)
		memcpy(out, RTA_DATA(a), len);
}

uint8_t nl_attr_u8(const struct rtattr *a)
{
	uint8_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

uint16_t nl_attr_u16(const struct rtattr *a)
{
	uint16_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

uint32_t nl_attr_u32(const struct rtattr *a)
{
	uint32_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

int32_t nl_attr_s32(const struct rtattr *a)
{
	int32_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

uint64_t nl_attr_u64(const struct rtattr *a)
{
	uint64_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

const char *nl_attr_str(const struct rtattr *a)
{
	size_t len;
	const char *p;

	if (!a)
		return "";
	len = RTA_PAYLOAD(a);
	p = RTA_DATA(a);
	/* The kernel ends its strings with their payload: no search then. */
	if (!len || (p[len - 1] && !memchr(p, '\0', len)))
		return "";
	return p;
}

struct rtattr *nl_msg_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
			    size_t *len)
{
	size_t off = NLMSG_LENGTH(NLMSG_ALIGN(hdrlen));

	if (nlh->nlmsg_len < off) {
		*len = 0;
		return NULL;
	}
	*len = nlh->nlmsg_len - off;
	return (struct rtattr *)((char *)nlh + off);
}
