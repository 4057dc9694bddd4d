#ifndef NODEPLAN_CYAML_SHIM_H
#define NODEPLAN_CYAML_SHIM_H
#include <yaml.h>
#endif
