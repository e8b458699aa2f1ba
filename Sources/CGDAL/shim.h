#ifndef STANDORT_CGDAL_SHIM_H
#define STANDORT_CGDAL_SHIM_H
// GDAL's headers, for its types and constants only: the library is not linked but opened when a GDAL format is
// first used (VectorFormats/GDALRuntime.swift), so the module has no `link` and no pkg-config (whose --libs would
// add -lgdal). Debian installs the headers in /usr/include/gdal; they include each other with quotes, so the
// directory's own headers are found next to the one included here.
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#endif
