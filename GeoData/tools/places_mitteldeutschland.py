"""Compiled table of places for the Mitteldeutschland structural-change scenario.

Compiled from memory (no internet access while building the dataset); a
demonstration dataset, not official data. Tuple order: (lon, lat), WGS 84.

* Commercial/industrial parks: the parks are real; each point is placed by hand
  at the park's approximate centre (+-0.5-1.5 km). `available_ha` (land still
  marketable) and `total_ha` are illustrative estimates of the right order of
  magnitude, not figures from the park operators or from IMG Sachsen-Anhalt.
  `cluster` is the sector the park is mainly marketed for, as the compiler
  understands it.
* Motorway junctions: hand-placed, +-1-2 km; names as remembered.
* District outlines: strongly simplified hand-drawn polygons (10-16 vertices);
  they share vertices where districts meet, but the real borders are far more
  intricate. Halle (Saale) is cut out of the Saalekreis as a hole.
* Cluster sites: real companies/research sites as remembered, hand-placed +-1 km.
"""

# ---------------------------------------------------------------------------
# Candidate commercial and industrial parks.
# (site_id, name, municipality, district, state, cluster, available_ha,
#  total_ha, lon, lat, confidence)
# ---------------------------------------------------------------------------
PARKS = [
    ("MD-01", "Star Park Halle", "Halle (Saale)", "Halle (Saale)", "Sachsen-Anhalt", "logistics", 60, 250, 12.0480, 51.5120, "high"),
    ("MD-02", "Chemiestandort Leuna (InfraLeuna)", "Leuna", "Saalekreis", "Sachsen-Anhalt", "chemistry", 40, 1300, 12.0150, 51.3130, "high"),
    ("MD-03", "Chemiepark Bitterfeld-Wolfen", "Bitterfeld-Wolfen", "Anhalt-Bitterfeld", "Sachsen-Anhalt", "chemistry", 90, 1200, 12.2870, 51.6500, "high"),
    ("MD-04", "Chemie- und Industriepark Zeitz", "Elsteraue", "Burgenlandkreis", "Sachsen-Anhalt", "bio-economy", 70, 300, 12.1850, 51.0800, "medium"),
    ("MD-05", "Dow ValuePark Schkopau", "Schkopau", "Saalekreis", "Sachsen-Anhalt", "chemistry", 25, 120, 11.9600, 51.3920, "high"),
    ("MD-06", "Industriegebiet Weißenfels-Süd", "Weißenfels", "Burgenlandkreis", "Sachsen-Anhalt", "bio-economy", 30, 150, 11.9900, 51.1850, "medium"),
    ("MD-07", "Industriegebiet Sangerhausen-Süd (A38)", "Sangerhausen", "Mansfeld-Südharz", "Sachsen-Anhalt", "logistics", 45, 120, 11.3100, 51.4550, "medium"),
    ("MD-08", "Gewerbegebiet Naumburg-Ost", "Naumburg (Saale)", "Burgenlandkreis", "Sachsen-Anhalt", "bio-economy", 8, 60, 11.8300, 51.1550, "low"),
    ("MD-09", "Gewerbe- und Industriegebiet Merseburg-Süd", "Merseburg", "Saalekreis", "Sachsen-Anhalt", "chemistry", 25, 90, 11.9950, 51.3450, "medium"),
    ("MD-10", "Industriegebiet Hohenmölsen-Nord", "Hohenmölsen", "Burgenlandkreis", "Sachsen-Anhalt", "hydrogen", 45, 110, 12.0950, 51.1650, "medium"),
    ("MD-11", "Gewerbegebiet Teutschenthal-Ost", "Teutschenthal", "Saalekreis", "Sachsen-Anhalt", "logistics", 20, 60, 11.8050, 51.4500, "low"),
    ("MD-12", "Industriegebiet Bernburg-West", "Bernburg (Saale)", "Salzlandkreis", "Sachsen-Anhalt", "chemistry", 70, 250, 11.7050, 51.8000, "medium"),
    ("MD-13", "Industriegebiet Köthen-Ost", "Köthen (Anhalt)", "Anhalt-Bitterfeld", "Sachsen-Anhalt", "bio-economy", 35, 100, 12.0000, 51.7500, "medium"),
    ("MD-14", "Industrie- und Gewerbegebiet Zörbig", "Zörbig", "Anhalt-Bitterfeld", "Sachsen-Anhalt", "bio-economy", 30, 110, 12.1050, 51.6250, "medium"),
    ("MD-15", "Gewerbegebiet Queis", "Landsberg", "Saalekreis", "Sachsen-Anhalt", "logistics", 20, 80, 12.1350, 51.4900, "medium"),
    ("MD-16", "Gewerbegebiet Schkeuditz-Radefeld", "Schkeuditz", "Nordsachsen", "Sachsen", "logistics", 25, 150, 12.2600, 51.4250, "low"),
    ("MD-17", "Gewerbegebiet Schkeuditz-West", "Schkeuditz", "Nordsachsen", "Sachsen", "logistics", 15, 60, 12.2060, 51.3950, "low"),
]

# ---------------------------------------------------------------------------
# Flughafen Leipzig/Halle (Saxony).
# ---------------------------------------------------------------------------
AIRPORT = [("LEJ", "Flughafen Leipzig/Halle (terminal)", 12.2364, 51.4239)]

# ---------------------------------------------------------------------------
# Motorway junctions. (id, name, motorway, lon, lat)
# ---------------------------------------------------------------------------
JUNCTIONS = [
    ("M01", "AS Bitterfeld-Wolfen", "A9", 12.2150, 51.6550),
    ("M02", "AS Halle (Brehna)", "A9", 12.2150, 51.5550),
    ("M03", "AS Wiedemar", "A9", 12.2050, 51.4850),
    ("M04", "AK Schkeuditz (A9/A14)", "A9/A14", 12.2000, 51.4130),
    ("M05", "AS Leipzig-West (Günthersdorf)", "A9", 12.1700, 51.3450),
    ("M06", "AS Bad Dürrenberg", "A9", 12.1300, 51.2950),
    ("M07", "AK Rippachtal (A9/A38)", "A9/A38", 12.1050, 51.2650),
    ("M08", "AS Weißenfels", "A9", 12.0450, 51.2100),
    ("M09", "AS Naumburg", "A9", 11.9350, 51.1350),
    ("M10", "AS Bernburg", "A14", 11.7200, 51.7800),
    ("M11", "AS Könnern", "A14", 11.7800, 51.6750),
    ("M12", "AS Löbejün", "A14", 11.8800, 51.6100),
    ("M13", "AD Halle-Nord (A14/A143)", "A14/A143", 11.9100, 51.5550),
    ("M14", "AS Halle-Trotha", "A14", 11.9500, 51.5350),
    ("M15", "AS Halle-Tornau", "A14", 12.0050, 51.5250),
    ("M16", "AS Halle-Peißen", "A14", 12.0550, 51.5130),
    ("M17", "AS Halle-Ost (Queis)", "A14", 12.1100, 51.4850),
    ("M18", "AS Großkugel", "A14", 12.1550, 51.4450),
    ("M19", "AS Flughafen Leipzig/Halle", "A14", 12.2400, 51.4150),
    ("M20", "AS Sangerhausen-West", "A38", 11.2500, 51.4550),
    ("M21", "AS Sangerhausen-Süd", "A38", 11.3050, 51.4450),
    ("M22", "AS Allstedt", "A38", 11.4100, 51.4000),
    ("M23", "AS Querfurt", "A38", 11.6000, 51.3650),
    ("M24", "AD Halle-Süd (A38/A143)", "A38/A143", 11.8900, 51.3800),
    ("M25", "AS Merseburg-Süd", "A38", 11.9700, 51.3350),
    ("M26", "AS Leuna", "A38", 12.0350, 51.2900),
    ("M27", "AS Teutschenthal", "A143", 11.8350, 51.4350),
    ("M28", "AS Halle-Neustadt", "A143", 11.8700, 51.4900),
    ("M29", "AS Salzmünde", "A143", 11.8450, 51.5250),
]

# ---------------------------------------------------------------------------
# Sector cluster sites. (id, name, sector, state, lon, lat)
# ---------------------------------------------------------------------------
CLUSTERS = [
    ("C01", "InfraLeuna chemical site", "chemistry", "Sachsen-Anhalt", 12.0150, 51.3130),
    ("C02", "Chemiepark Bitterfeld-Wolfen", "chemistry", "Sachsen-Anhalt", 12.2870, 51.6500),
    ("C03", "Dow Olefinverbund, Schkopau plant", "chemistry", "Sachsen-Anhalt", 11.9550, 51.3970),
    ("C04", "Hydrogen Lab Leuna / electrolyser Leuna", "hydrogen", "Sachsen-Anhalt", 12.0200, 51.3180),
    ("C05", "Energiepark Bad Lauchstädt (green hydrogen)", "hydrogen", "Sachsen-Anhalt", 11.8700, 51.3950),
    ("C06", "UPM biorefinery Leuna", "bio-economy", "Sachsen-Anhalt", 12.0100, 51.2990),
    ("C07", "Verbio Zörbig", "bio-economy", "Sachsen-Anhalt", 12.1000, 51.6200),
    ("C08", "CropEnergies / Südzucker Zeitz", "bio-economy", "Sachsen-Anhalt", 12.1550, 51.0650),
    ("C09", "Weinberg Campus Halle", "bio-economy", "Sachsen-Anhalt", 11.9390, 51.4960),
    ("C10", "DHL Hub Leipzig", "logistics", "Sachsen", 12.2250, 51.4300),
    ("C11", "Güterverkehrszentrum Leipzig", "logistics", "Sachsen", 12.3300, 51.4100),
    ("C12", "Star Park Halle logistics centres", "logistics", "Sachsen-Anhalt", 12.0480, 51.5140),
]

# ---------------------------------------------------------------------------
# Structural-change districts, simplified outlines. Exterior rings
# counter-clockwise, holes clockwise (orientation is fixed by the generator).
# Real areas for comparison: Burgenlandkreis 1414 km^2, Saalekreis 1434 km^2,
# Mansfeld-Südharz 1449 km^2, Anhalt-Bitterfeld 1454 km^2, Halle 135 km^2.
# ---------------------------------------------------------------------------
HALLE_RING = [
    (12.065, 51.455), (12.075, 51.490), (12.050, 51.530), (11.990, 51.550),
    (11.920, 51.540), (11.875, 51.505), (11.870, 51.465), (11.905, 51.430),
    (11.960, 51.415), (12.025, 51.425),
]

DISTRICT_POLYGONS = [
    ("Saalekreis", "15088", [
        (11.480, 51.330), (11.750, 51.310), (11.950, 51.290), (12.080, 51.270),
        (12.170, 51.310), (12.200, 51.400), (12.240, 51.470), (12.220, 51.560),
        (12.100, 51.600), (11.950, 51.650), (11.820, 51.630), (11.730, 51.550),
        (11.620, 51.480), (11.480, 51.420),
    ], [HALLE_RING]),
    ("Halle (Saale)", "15002", HALLE_RING, []),
    ("Burgenlandkreis", "15084", [
        (11.450, 51.200), (11.550, 51.080), (11.750, 51.030), (11.950, 50.980),
        (12.150, 50.950), (12.280, 51.000), (12.300, 51.100), (12.250, 51.200),
        (12.170, 51.310), (12.080, 51.270), (11.950, 51.290), (11.750, 51.310),
        (11.480, 51.330),
    ], []),
    ("Mansfeld-Südharz", "15087", [
        (10.930, 51.500), (11.050, 51.400), (11.250, 51.370), (11.480, 51.330),
        (11.480, 51.420), (11.620, 51.480), (11.730, 51.550), (11.700, 51.650),
        (11.550, 51.720), (11.350, 51.700), (11.100, 51.620),
    ], []),
    ("Anhalt-Bitterfeld", "15082", [
        (11.820, 51.630), (11.950, 51.650), (12.100, 51.600), (12.220, 51.560),
        (12.350, 51.570), (12.480, 51.650), (12.450, 51.800), (12.300, 51.880),
        (12.250, 52.020), (12.100, 52.080), (11.980, 52.000), (11.900, 51.850),
        (11.850, 51.750),
    ], []),
]
