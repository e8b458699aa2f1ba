#!/usr/bin/env python3
"""Opens GeoJSON outputs in QGIS (Debian python3-qgis, headless) and prints what QGIS sees:
validity, feature count, CRS, field count and the first feature.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 Tools/gis-check/qgis_open.py ranked.geojson
"""
import sys, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
for path in sys.argv[1:]:
    layer = QgsVectorLayer(path, "ranked", "ogr")
    print(path, "valid:", layer.isValid(), "features:", layer.featureCount(), "crs:", layer.crs().authid(), "fields:", len(layer.fields()))
    f = next(layer.getFeatures())
    print("  first:", f["site_id"] if "site_id" in layer.fields().names() else f.id(), "rank", f["rank"], "score", f["score"], "geom", f.geometry().asWkt()[:60])
app.exitQgis()
