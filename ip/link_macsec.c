/* type macsec: the SCI (or port) first; flags go out as they are read, the
 * cipher, ICV length, replay window and encoding SA after them. */
#include <endian.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_macsec.h>

#include "link_kind.h"
#include "usage_text.h"

static void macsec_usage(FILE *f, const char *kind)
{
	usage_print(f, USAGE_MACSEC);
}

static const char *const ciphers[] = { "default", "gcm-aes-128", "gcm-aes-256",
				       "gcm-aes-xpn-128", "gcm-aes-xpn-256" };
static const uint64_t cipher_ids[] = { MACSEC_DEFAULT_CIPHER_ID,
	MACSEC_CIPHER_ID_GCM_AES_128, MACSEC_CIPHER_ID_GCM_AES_256,
	MACSEC_CIPHER_ID_GCM_AES_XPN_128, MACSEC_CIPHER_ID_GCM_AES_XPN_256 };
static const char *const validates[] = { "disabled", "check", "strict" };
static const char *const offloads[] = { "off", "phy", "mac" };

/* The option words; the first five are on/off flags sent at once. */
enum { K_FLAGS = 5, K_REPLAY = 5, K_VALIDATE, K_OFFLOAD, K_CIPHER, K_ICVLEN,
       K_WINDOW, K_ENCSA, K_COUNT };
static const char *const keys[K_COUNT] = { "encrypt", "send_sci",
	"end_station", "scb", "protect", "replay", "validate", "offload",
	"cipher", "icvlen", "window", "encodingsa" };
static const unsigned char flag_attrs[K_FLAGS] = { IFLA_MACSEC_ENCRYPT,
	IFLA_MACSEC_INC_SCI, IFLA_MACSEC_ES, IFLA_MACSEC_SCB,
	IFLA_MACSEC_PROTECT };

struct macsec_args {
	int cipher, icvlen, replay, encsa;	/* -1: not given */
	int64_t window;
};

/* "sci SCI" or "[address LLADDR] port PORT", which must come first. */
static int macsec_sci(struct nl_req *r, int *argc, char ***argv)
{
	uint8_t sci[8] = { 0 };
	uint64_t v;
	uint16_t port;

	if (streq((*argv)[0], "sci")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (parse_u64(&v, (*argv)[0], 16))
			return invarg("expected sci", (*argv)[0]);
		v = htobe64(v);
		nl_put(r, IFLA_MACSEC_SCI, &v, 8);
		return 0;
	}
	if (streq((*argv)[0], "address")) {
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (get_lladdr(sci, 6, (*argv)[0]) != 6)
			return invarg("expected lladdr", (*argv)[0]);
		if (!next_arg(argc, argv))
			return EXIT_USAGE;
		if (!streq((*argv)[0], "port"))
			return invarg("expected port", (*argv)[0]);
	}
	if (!next_arg(argc, argv))
		return EXIT_USAGE;
	if (parse_u16(&port, (*argv)[0], 0))
		return invarg("expected port", (*argv)[0]);
	if (!port)
		return invarg("expected port != 0", (*argv)[0]);
	port = htobe16(port);
	if (sci[0] || sci[1] || sci[2] || sci[3] || sci[4] || sci[5]) {
		memcpy(sci + 6, &port, 2);
		nl_put(r, IFLA_MACSEC_SCI, sci, 8);
	} else {
		nl_put(r, IFLA_MACSEC_PORT, &port, 2);
	}
	return 0;
}

static int macsec_value(struct macsec_args *m, struct nl_req *r, int k,
			const char *arg)
{
	uint32_t v;
	int i;

	switch (k) {
	case K_REPLAY:
		if ((m->replay = on_off_strict(keys[k], arg)) < 0)
			return EXIT_FAIL;
		break;
	case K_VALIDATE:
	case K_OFFLOAD:
		i = one_of(keys[k], k == K_VALIDATE ? validates : offloads, 3, arg);
		if (i < 0)
			return EXIT_FAIL;
		nl_put_u8(r, k == K_VALIDATE ? IFLA_MACSEC_VALIDATION :
			  IFLA_MACSEC_OFFLOAD, i);
		break;
	case K_CIPHER:
		for (i = 0; i < 5 && !streq(ciphers[i], arg); i++)
			;
		if (i == 5)
			return invarg("expected: default, gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256",
				      arg);
		m->cipher = i;
		break;
	case K_ICVLEN:
		if (parse_u32(&v, arg, 0) || v > 255)
			return invarg("expected ICV length", arg);
		if (v < 8 || v > 16)
			return invarg("ICV length must be in the range {8..16}", arg);
		m->icvlen = v;
		break;
	case K_WINDOW:
		if (parse_u32(&v, arg, 0))
			return invarg("expected replay window size", arg);
		m->window = v;
		break;
	case K_ENCSA:
		if (parse_u32(&v, arg, 0) || v > 3)
			return invarg("expected an { 0..3 }", arg);
		m->encsa = v;
		break;
	default:	/* the on/off flags */
		i = on_off_strict(keys[k], arg);
		if (i < 0)
			return EXIT_FAIL;
		nl_put_u8(r, flag_attrs[k], i);
	}
	return 0;
}

static int macsec_finish(struct macsec_args *m, struct nl_req *r)
{
	if (m->replay == 1 && m->window < 0) {
		pr_err("replay protection enabled, but no window set. did you mean 'replay on window VALUE'?\n");
		return EXIT_FAIL;
	}
	if (m->replay < 0 && m->window >= 0) {
		pr_err("replay window set, but replay protection not enabled. did you mean 'replay on window %u'?\n",
		       (unsigned int)m->window);
		return EXIT_FAIL;
	}
	if (m->cipher >= 0) {
		uint64_t id = cipher_ids[m->cipher];

		nl_put(r, IFLA_MACSEC_CIPHER_SUITE, &id, 8);
	}
	if (m->icvlen >= 0)
		nl_put_u8(r, IFLA_MACSEC_ICV_LEN, m->icvlen);
	if (m->replay >= 0) {
		if (m->window >= 0)
			nl_put_u32(r, IFLA_MACSEC_WINDOW, m->window);
		nl_put_u8(r, IFLA_MACSEC_REPLAY_PROTECT, m->replay);
	}
	if (m->encsa >= 0)
		nl_put_u8(r, IFLA_MACSEC_ENCODING_SA, m->encsa);
	return 0;
}

static int macsec_parse(struct ipctx *ctx, struct nl_req *r,
			const char *kind, int argc, char **argv)
{
	struct macsec_args m = { -1, -1, -1, -1, -1 };
	size_t i;
	int rc;

	if (argc > 0 && (streq(argv[0], "sci") || streq(argv[0], "port") ||
			 streq(argv[0], "address"))) {
		rc = macsec_sci(r, &argc, &argv);
		if (rc)
			return rc;
		argc--;
		argv++;
	}
	for (; argc > 0; argc--, argv++) {
		for (i = 0; i < K_COUNT && !streq(argv[0], keys[i]); i++)
			;
		if (i == K_COUNT)
			return kind_unknown("macsec", "command", argv[0],
					    macsec_usage);
		if (!next_arg(&argc, &argv))
			return EXIT_USAGE;
		rc = macsec_value(&m, r, i, argv[0]);
		if (rc)
			return rc;
	}
	return macsec_finish(&m, r);
}

/* ---- printing ---- */

static const struct kind_field macsec_sizes[] = {
	{ IFLA_MACSEC_ICV_LEN, P_U8 | F_TEXT, "icv_len\0icvlen" },
	{ IFLA_MACSEC_ENCODING_SA, P_U8 | F_TEXT, "encoding_sa\0encodingsa" },
};

static const struct kind_field macsec_flags[] = {
	{ IFLA_MACSEC_ENCRYPT, P_ONOFF, "encrypt" },
	{ IFLA_MACSEC_INC_SCI, P_ONOFF | F_TEXT, "inc_sci\0send_sci" },
	{ IFLA_MACSEC_ES, P_ONOFF | F_TEXT, "es\0end_station" },
	{ IFLA_MACSEC_SCB, P_ONOFF, "scb" },
	{ IFLA_MACSEC_REPLAY_PROTECT, P_ONOFF | F_TEXT,
	  "replay_protect\0replay" },
	{ IFLA_MACSEC_WINDOW, P_U32, "window" },
};

static void macsec_print(struct ipctx *ctx, const struct rtattr *data)
{
	static const char *const suites[] = { "GCM-AES-128", "GCM-AES-256",
					      "GCM-AES-XPN-128", "GCM-AES-XPN-256" };
	struct rtattr *tb[IFLA_MACSEC_MAX + 1];
	struct out *o = &ctx->out;
	uint64_t v;
	unsigned int u;
	int i;

	if (!data)
		return;
	nl_parse_nested(tb, IFLA_MACSEC_MAX, data);
	if (tb[IFLA_MACSEC_SCI] && nl_attr_len(tb[IFLA_MACSEC_SCI]) >= 8) {
		memcpy(&v, nl_attr_data(tb[IFLA_MACSEC_SCI]), 8);
		out_xstr(o, OUT_ANY, "sci", o->json ? "%016llx" : "sci %016llx ",
			 be64toh(v));
	}
	if (tb[IFLA_MACSEC_PROTECT])
		out_on_off(o, OUT_ANY, "protect", "protect %s ",
			   nl_attr_u8(tb[IFLA_MACSEC_PROTECT]));
	if (tb[IFLA_MACSEC_CIPHER_SUITE] &&
	    nl_attr_len(tb[IFLA_MACSEC_CIPHER_SUITE]) >= 8) {
		memcpy(&v, nl_attr_data(tb[IFLA_MACSEC_CIPHER_SUITE]), 8);
		/* the kernel's default id is GCM-AES-128's other number */
		if (v == MACSEC_DEFAULT_CIPHER_ID)
			v = MACSEC_CIPHER_ID_GCM_AES_128;
		for (i = 1; i < 5 && cipher_ids[i] != v; i++)
			;
		out_str(o, OUT_ANY, "cipher_suite", "cipher %s ",
			i < 5 ? suites[i - 1] : "(unknown)");
	}
	print_fields(o, macsec_sizes, 2, tb);
	if (tb[IFLA_MACSEC_VALIDATION] &&
	    (u = nl_attr_u8(tb[IFLA_MACSEC_VALIDATION])) < 3)
		out_str(o, OUT_ANY, "validation", "validate %s ", validates[u]);
	print_fields(o, macsec_flags, 6, tb);
	if (tb[IFLA_MACSEC_OFFLOAD] && (u = nl_attr_u8(tb[IFLA_MACSEC_OFFLOAD])) < 3)
		out_str(o, OUT_ANY, "offload", "offload %s ", offloads[u]);
}

const struct link_kind macsec_kind = {
	.name = "macsec",
	.parse = macsec_parse,
	.print = macsec_print,
	.usage = macsec_usage,
};
