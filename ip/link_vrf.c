/* type vrf: to be filled in. */
#include "link_kind.h"

const struct link_kind vrf_kind = { .name = "vrf" };
