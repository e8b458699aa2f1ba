#!/usr/bin/env python3
"""Renders a ranked Standort GeoJSON with QGIS (Debian python3-qgis, headless) to a PNG, sites coloured by
rank (excluded sites grey), over optional context layers — a planner's first look at a result.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 Tools/gis-check/render_map.py ranked.geojson out.png [context.geojson ...]
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsVectorLayer, QgsMapSettings, QgsMapRendererSequentialJob,
                       QgsGraduatedSymbolRenderer, QgsSymbol, QgsRendererRange, QgsPalLayerSettings,
                       QgsVectorLayerSimpleLabeling, QgsTextFormat, QgsCoordinateReferenceSystem)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

ranked_path, png_path, *context_paths = sys.argv[1:]
app = QgsApplication([], False)
app.initQgis()

layers = []
ranked = QgsVectorLayer(ranked_path, "ranked", "ogr")
assert ranked.isValid(), f"QGIS cannot open {ranked_path}"
count = max(1, int(max((f["rank"] or 0) for f in ranked.getFeatures())))
ranges = []
for lo, hi, colour, label in [(1, 3, "#d7191c", "rank 1–3"), (4, 10, "#fdae61", "rank 4–10"),
                              (11, max(11, count), "#2c7bb6", "rank 11+")]:
    symbol = QgsSymbol.defaultSymbol(ranked.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setSize(3.2 if lo == 1 else 2.4)
    ranges.append(QgsRendererRange(lo, hi, symbol, label))
renderer = QgsGraduatedSymbolRenderer("rank", ranges)
grey = QgsSymbol.defaultSymbol(ranked.geometryType())
grey.setColor(QColor("#aaaaaa"))
renderer.setSourceSymbol(grey)
ranked.setRenderer(renderer)
labels = QgsPalLayerSettings()
labels.fieldName = "CASE WHEN \"rank\" <= 10 THEN \"rank\" ELSE '' END"
labels.isExpression = True
fmt = QgsTextFormat()
fmt.setSize(9)
labels.setFormat(fmt)
ranked.setLabeling(QgsVectorLayerSimpleLabeling(labels))
ranked.setLabelsEnabled(True)
layers.append(ranked)
for path in context_paths:
    layer = QgsVectorLayer(path, os.path.basename(path), "ogr")
    assert layer.isValid(), f"QGIS cannot open {path}"
    layer.renderer().symbol().setOpacity(0.35)
    layers.append(layer)

settings = QgsMapSettings()
settings.setLayers(layers)
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
extent = settings.layerExtentToOutputExtent(ranked, ranked.extent())
extent.scale(1.15)
settings.setExtent(extent)
settings.setOutputSize(QSize(1000, 800))
settings.setBackgroundColor(QColor("white"))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
job.renderedImage().save(png_path, "png")
print(f"{png_path}: {ranked.featureCount()} sites, {len(context_paths)} context layers")
app.exitQgis()
