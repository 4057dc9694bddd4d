// Exposes libzstd's stable API (and the frame-header queries) to Swift.
#ifndef NODEPLAN_CZSTD_SHIM_H
#define NODEPLAN_CZSTD_SHIM_H
#include <zstd.h>

// ZSTD_getFrameContentSize's sentinels are macros with arithmetic, which Swift does not import.
static const unsigned long long nodeplan_zstd_contentsize_unknown = ZSTD_CONTENTSIZE_UNKNOWN;
static const unsigned long long nodeplan_zstd_contentsize_error = ZSTD_CONTENTSIZE_ERROR;
#endif
