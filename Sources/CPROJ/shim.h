#ifndef STANDORT_CPROJ_SHIM_H
#define STANDORT_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
