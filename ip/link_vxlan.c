/* type vxlan: to be filled in. */
#include "link_kind.h"

const struct link_kind vxlan_kind = { .name = "vxlan" };
