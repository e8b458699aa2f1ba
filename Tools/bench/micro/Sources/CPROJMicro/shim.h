// The system PROJ that Standort links, for the harness's raw `proj_trans_generic` baseline.
#ifndef STANDORT_MICRO_CPROJ_SHIM_H
#define STANDORT_MICRO_CPROJ_SHIM_H
#include <proj.h>
#endif
