"""Compiled table of Wolfsburg places for the two Wolfsburg scenarios.

Everything here was compiled from memory (no internet access while building the
dataset). It is a demonstration dataset, not official data:

* Coordinates are hand-placed (lon, lat in WGS 84). Typical accuracy: +-200-500 m
  for named buildings and car parks, +-500 m-1 km for district centres and
  junctions, worse where `confidence` is "low".
* Names of hotels, stores and car parks are believed to exist (or to have existed
  recently); `confidence` says how sure the compiler was ("high", "medium", "low").
* Car-park `spaces` are rough estimates (order of magnitude), never counted.
* District populations are rounded figures as remembered from the Stadt Wolfsburg
  statistics (around 2022/23); expect deviations of 10-20 % per district.

Tuple order everywhere in this file: (lon, lat).
"""

# ---------------------------------------------------------------------------
# Districts (Stadtteile / Ortsteile) as points at their approximate centres.
# (name, ortsrat, lon, lat, population rounded to 100)
# ---------------------------------------------------------------------------
DISTRICTS = [
    # Ortsrat Stadtmitte
    ("Stadtmitte", "Stadtmitte", 10.7855, 52.4215, 4800),
    ("Hesslingen", "Stadtmitte", 10.8000, 52.4235, 3200),
    ("Schillerteich", "Stadtmitte", 10.7770, 52.4185, 1400),
    ("Köhlerberg", "Stadtmitte", 10.7945, 52.4160, 2700),
    ("Rothenfelde", "Stadtmitte", 10.7985, 52.4195, 3400),
    ("Steimker Berg", "Stadtmitte", 10.8105, 52.4110, 3300),
    ("Hellwinkel", "Stadtmitte", 10.8150, 52.4175, 3500),
    ("Hohenstein", "Stadtmitte", 10.7935, 52.4095, 2100),
    ("Steimker Gärten", "Stadtmitte", 10.8230, 52.4080, 1600),
    # Ortsrat Mitte-West
    ("Klieversberg", "Mitte-West", 10.7705, 52.4120, 1900),
    ("Eichelkamp", "Mitte-West", 10.7840, 52.4030, 2800),
    ("Laagberg", "Mitte-West", 10.7600, 52.4140, 3900),
    ("Wohltberg", "Mitte-West", 10.7625, 52.4185, 1500),
    ("Rabenberg", "Mitte-West", 10.7665, 52.4030, 3600),
    # Ortsrat Nordstadt
    ("Alt-Wolfsburg", "Nordstadt", 10.7645, 52.4445, 2100),
    ("Hageberg", "Nordstadt", 10.7755, 52.4430, 2000),
    ("Kreuzheide", "Nordstadt", 10.7830, 52.4490, 4200),
    ("Teichbreite", "Nordstadt", 10.7955, 52.4445, 3600),
    ("Tiergartenbreite", "Nordstadt", 10.7995, 52.4390, 2200),
    # Ortsräte Detmerode, Westhagen
    ("Detmerode", "Detmerode", 10.7390, 52.3960, 6800),
    ("Westhagen", "Westhagen", 10.7280, 52.4060, 8400),
    # Ortsrat Fallersleben-Sülfeld
    ("Fallersleben", "Fallersleben-Sülfeld", 10.7170, 52.4170, 11400),
    ("Sülfeld", "Fallersleben-Sülfeld", 10.6950, 52.4340, 4000),
    # Ortsrat Vorsfelde
    ("Vorsfelde", "Vorsfelde", 10.8420, 52.4340, 11800),
    # Ortsrat Wendschott
    ("Wendschott", "Wendschott", 10.8260, 52.4490, 3400),
    # Ortsrat Neuhaus-Reislingen
    ("Reislingen", "Neuhaus-Reislingen", 10.8430, 52.4060, 3700),
    ("Neuhaus", "Neuhaus-Reislingen", 10.8555, 52.3990, 1500),
    # Ortsrat Ehmen-Mörse
    ("Ehmen", "Ehmen-Mörse", 10.7050, 52.3920, 3400),
    ("Mörse", "Ehmen-Mörse", 10.6990, 52.3790, 2600),
    # Ortsrat Hattorf-Heiligendorf
    ("Hattorf", "Hattorf-Heiligendorf", 10.7400, 52.3560, 1900),
    ("Heiligendorf", "Hattorf-Heiligendorf", 10.7640, 52.3450, 2100),
    # Ortsrat Hehlingen
    ("Hehlingen", "Hehlingen", 10.8170, 52.3840, 1800),
    # Ortsrat Barnstorf-Nordsteimke
    ("Barnstorf", "Barnstorf-Nordsteimke", 10.8020, 52.3710, 1900),
    ("Nordsteimke", "Barnstorf-Nordsteimke", 10.8260, 52.3950, 2000),
    # Ortsrat Almke-Neindorf
    ("Almke", "Almke-Neindorf", 10.8460, 52.3610, 1000),
    ("Neindorf", "Almke-Neindorf", 10.8290, 52.3530, 800),
    # Ortsrat Kästorf-Sandkamp
    ("Kästorf", "Kästorf-Sandkamp", 10.7310, 52.4470, 1000),
    ("Sandkamp", "Kästorf-Sandkamp", 10.7440, 52.4320, 700),
    # Ortsrat Brackstedt-Velstove-Warmenau
    ("Brackstedt", "Brackstedt-Velstove-Warmenau", 10.7610, 52.4740, 700),
    ("Velstove", "Brackstedt-Velstove-Warmenau", 10.7920, 52.4760, 700),
    ("Warmenau", "Brackstedt-Velstove-Warmenau", 10.7330, 52.4590, 500),
]

# ---------------------------------------------------------------------------
# City boundary: a simplified outline of the Stadt Wolfsburg (real area about
# 204 km^2), drawn by hand around the Ortsteile above. Counter-clockwise.
# ---------------------------------------------------------------------------
CITY_BOUNDARY = [
    (10.690, 52.365), (10.720, 52.347), (10.755, 52.336), (10.800, 52.343),
    (10.862, 52.345), (10.884, 52.372), (10.890, 52.405), (10.880, 52.440),
    (10.858, 52.470), (10.810, 52.489), (10.760, 52.489), (10.742, 52.466),
    (10.700, 52.452), (10.666, 52.441), (10.660, 52.415), (10.674, 52.390),
]

# ---------------------------------------------------------------------------
# Motorway exits and main-road junctions. (id, name, road, type, lon, lat)
# Positions +-500 m-1 km; names as remembered from the signage.
# ---------------------------------------------------------------------------
JUNCTIONS = [
    ("J01", "AS Weyhausen (A39 northern end / B188)", "A39", "motorway_exit", 10.7230, 52.4600),
    ("J02", "AS Wolfsburg-Sandkamp", "A39", "motorway_exit", 10.7420, 52.4365),
    ("J03", "AS Wolfsburg-Fallersleben", "A39", "motorway_exit", 10.7350, 52.4190),
    ("J04", "AS Wolfsburg-West", "A39", "motorway_exit", 10.7260, 52.3990),
    ("J05", "AS Wolfsburg-Mörse", "A39", "motorway_exit", 10.7160, 52.3780),
    ("J06", "AS Flechtorf", "A39", "motorway_exit", 10.7150, 52.3330),
    ("J07", "AK Wolfsburg/Königslutter (A2/A39)", "A2/A39", "motorway_exit", 10.7350, 52.2930),
    ("J08", "AS Königslutter", "A2", "motorway_exit", 10.8150, 52.2800),
    ("J09", "B188 / Berliner Brücke (Stadtmitte east)", "B188", "main_road_junction", 10.8050, 52.4270),
    ("J10", "B188 / Vorsfelde west", "B188", "main_road_junction", 10.8300, 52.4320),
    ("J11", "B188 / B248 Vorsfelde east", "B188/B248", "main_road_junction", 10.8580, 52.4370),
    ("J12", "B188 / Heinrich-Nordhoff-Straße (Fallersleben)", "B188", "main_road_junction", 10.7250, 52.4255),
    ("J13", "B248 / Reislingen", "B248", "main_road_junction", 10.8480, 52.4130),
    ("J14", "B248 / Hehlingen (Heinenkamp)", "B248", "main_road_junction", 10.8380, 52.3880),
]

# ---------------------------------------------------------------------------
# Existing fast-charging (HPC) sites: illustrative. Locations were chosen where
# fast chargers are commonly reported (Nordkopf/Designer Outlets, Allerpark,
# Fallersleben, Vorsfelde, Heinenkamp) but were NOT verified.
# (id, name, operator, lon, lat, kW class)
# ---------------------------------------------------------------------------
EXISTING_CHARGERS = [
    ("HPC-1", "HPC car park Nordkopf / Designer Outlets", "Volkswagen / Elli (assumed)", 10.7835, 52.4275, 150),
    ("HPC-2", "HPC Allerpark (Volkswagen Arena)", "EnBW (assumed)", 10.8050, 52.4320, 150),
    ("HPC-3", "HPC Fallersleben (Dieselstraße)", "Ionity (assumed)", 10.7085, 52.4205, 350),
    ("HPC-4", "HPC Vorsfelde (B188)", "EnBW (assumed)", 10.8350, 52.4290, 150),
    ("HPC-5", "HPC Heinenkamp", "Aral pulse (assumed)", 10.8420, 52.3905, 150),
]

# ---------------------------------------------------------------------------
# Candidate car parks for fast charging.
# (site_id, name, operator, kind, spaces, open_24h, district, lon, lat, confidence)
# ---------------------------------------------------------------------------
PARKING = [
    # Hotels near the Autostadt, Nordkopf and the centre
    ("WOB-01", "The Ritz-Carlton Wolfsburg", "The Ritz-Carlton (Marriott)", "hotel", 60, True, "Stadtmitte", 10.7960, 52.4337, "high"),
    ("WOB-02", "INNSIDE by Meliá Wolfsburg", "Meliá Hotels", "hotel", 50, True, "Stadtmitte", 10.7815, 52.4262, "medium"),
    ("WOB-03", "Holiday Inn Wolfsburg City Centre", "IHG (franchise)", "hotel", 80, True, "Stadtmitte", 10.7880, 52.4224, "medium"),
    ("WOB-04", "Leonardo Hotel Wolfsburg City Center", "Leonardo Hotels", "hotel", 40, True, "Stadtmitte", 10.7835, 52.4215, "medium"),
    ("WOB-05", "Global Inn Wolfsburg", "Global Inn", "hotel", 30, True, "Stadtmitte", 10.7775, 52.4232, "medium"),
    ("WOB-06", "Courtyard by Marriott Wolfsburg", "Marriott (franchise)", "hotel", 120, True, "Hesslingen", 10.8165, 52.4318, "high"),
    ("WOB-07", "pentahotel Wolfsburg", "pentahotels", "hotel", 20, True, "Stadtmitte", 10.7910, 52.4248, "low"),
    ("WOB-08", "Hotel An der Wasserburg", "private", "hotel", 60, True, "Neuhaus", 10.8545, 52.3995, "high"),
    ("WOB-09", "Hotel Alter Wolf", "private", "hotel", 8, True, "Alt-Wolfsburg", 10.7675, 52.4410, "medium"),
    ("WOB-10", "Hotel Brackstedter Mühle", "private", "hotel", 70, True, "Brackstedt", 10.7620, 52.4745, "high"),
    ("WOB-11", "Hotel Ludwig im Park", "private", "hotel", 25, True, "Fallersleben", 10.7200, 52.4140, "medium"),
    ("WOB-12", "Hotel Goya", "private", "hotel", 12, True, "Fallersleben", 10.7150, 52.4165, "low"),
    # Supermarkets
    ("WOB-13", "REWE Schlesierweg", "REWE", "supermarket", 90, False, "Fallersleben", 10.7230, 52.4255, "high"),
    ("WOB-14", "REWE Glockenberg", "REWE", "supermarket", 80, False, "Fallersleben", 10.7290, 52.4120, "high"),
    ("WOB-15", "EDEKA center Nordstadt", "EDEKA", "supermarket", 150, False, "Kreuzheide", 10.7835, 52.4470, "high"),
    ("WOB-16", "Penny Detmerode (Einkaufszentrum)", "Penny (REWE Group)", "supermarket", 40, False, "Detmerode", 10.7375, 52.3965, "high"),
    ("WOB-17", "Kaufland Vorsfelde", "Kaufland", "supermarket", 250, False, "Vorsfelde", 10.8365, 52.4295, "low"),
    ("WOB-18", "Lidl Laagberg", "Lidl", "supermarket", 70, False, "Laagberg", 10.7580, 52.4145, "medium"),
    ("WOB-19", "ALDI Nord Westhagen", "ALDI Nord", "supermarket", 60, False, "Westhagen", 10.7245, 52.4075, "medium"),
    ("WOB-20", "Lidl Vorsfelde", "Lidl", "supermarket", 80, False, "Vorsfelde", 10.8440, 52.4305, "medium"),
    ("WOB-21", "EDEKA Vorsfelde", "EDEKA", "supermarket", 70, False, "Vorsfelde", 10.8400, 52.4355, "medium"),
    ("WOB-22", "Netto Teichbreite", "Netto Marken-Discount", "supermarket", 45, False, "Teichbreite", 10.7950, 52.4440, "medium"),
    ("WOB-23", "REWE Reislingen", "REWE", "supermarket", 90, False, "Reislingen", 10.8420, 52.4070, "medium"),
    ("WOB-24", "ALDI Nord Hesslingen", "ALDI Nord", "supermarket", 60, False, "Hesslingen", 10.8010, 52.4225, "medium"),
    ("WOB-25", "Netto Sülfeld", "Netto Marken-Discount", "supermarket", 35, False, "Sülfeld", 10.6930, 52.4330, "low"),
    ("WOB-26", "EDEKA Ehmen", "EDEKA", "supermarket", 40, False, "Ehmen", 10.7060, 52.3940, "medium"),
    ("WOB-27", "Nah & Gut Hehlingen", "EDEKA (Nah & Gut)", "supermarket", 8, False, "Hehlingen", 10.8180, 52.3835, "low"),
    ("WOB-28", "Lidl Fallersleben", "Lidl", "supermarket", 85, False, "Fallersleben", 10.7090, 52.4215, "medium"),
    ("WOB-29", "REWE Hellwinkel", "REWE", "supermarket", 70, False, "Hellwinkel", 10.8145, 52.4175, "low"),
    ("WOB-30", "EDEKA Eichelkamp", "EDEKA", "supermarket", 35, False, "Eichelkamp", 10.7830, 52.4035, "medium"),
    ("WOB-31", "Netto Wendschott", "Netto Marken-Discount", "supermarket", 40, False, "Wendschott", 10.8250, 52.4500, "low"),
    # Retail centres
    ("WOB-32", "Designer Outlets Wolfsburg", "McArthurGlen", "retail_centre", 600, False, "Stadtmitte", 10.7840, 52.4268, "high"),
    ("WOB-33", "City-Galerie Wolfsburg (car park)", "ECE", "retail_centre", 850, False, "Stadtmitte", 10.7850, 52.4185, "high"),
    ("WOB-34", "Parkhaus Porschestraße Mitte", "municipal car-park company (assumed)", "retail_centre", 450, True, "Stadtmitte", 10.7855, 52.4245, "low"),
    ("WOB-35", "Fachmarktzentrum Heinenkamp", "various", "retail_centre", 300, False, "Reislingen", 10.8360, 52.3950, "low"),
    # Park and ride
    ("WOB-36", "P+R Wolfsburg Hauptbahnhof", "Deutsche Bahn / city (assumed)", "park_and_ride", 400, True, "Stadtmitte", 10.7860, 52.4300, "medium"),
    ("WOB-37", "P+R Bahnhof Fallersleben", "city (assumed)", "park_and_ride", 120, True, "Fallersleben", 10.7150, 52.4095, "medium"),
    # Business parks
    ("WOB-38", "Volkswagen car park Tor Sandkamp", "Volkswagen AG", "business_park", 2000, True, "Sandkamp", 10.7480, 52.4340, "medium"),
    ("WOB-39", "Gewerbegebiet Heinenkamp I", "various", "business_park", 200, True, "Reislingen", 10.8330, 52.3920, "low"),
    ("WOB-40", "Gewerbegebiet Heinenkamp II", "various", "business_park", 150, True, "Hehlingen", 10.8455, 52.3850, "low"),
    ("WOB-41", "MobileLifeCampus / Hermann-Münch-Straße", "various", "business_park", 300, True, "Hesslingen", 10.8075, 52.4200, "low"),
    # Leisure
    ("WOB-42", "Volkswagen Arena car park P1", "VfL Wolfsburg", "leisure", 1500, True, "Hesslingen", 10.8030, 52.4333, "high"),
    ("WOB-43", "Eis Arena Wolfsburg", "city (assumed)", "leisure", 300, False, "Hesslingen", 10.8085, 52.4305, "medium"),
    ("WOB-44", "Badeland Wolfsburg", "Wolfsburger Bäder (assumed)", "leisure", 400, False, "Hesslingen", 10.8127, 52.4281, "medium"),
    ("WOB-45", "Allersee car park north", "city (assumed)", "leisure", 250, True, "Hesslingen", 10.8190, 52.4345, "low"),
    ("WOB-46", "phaeno car park", "phaeno (assumed)", "leisure", 200, False, "Stadtmitte", 10.7885, 52.4282, "medium"),
    ("WOB-47", "CongressPark Wolfsburg", "city (assumed)", "leisure", 150, False, "Schillerteich", 10.7770, 52.4190, "medium"),
    ("WOB-48", "Hallenbad - Kultur am Schachtweg", "city (assumed)", "leisure", 120, False, "Wohltberg", 10.7640, 52.4195, "low"),
    # Just outside the city (kept so the study-area constraint bites)
    ("WOB-49", "Gewerbegebiet Weyhausen (outside the city)", "various", "business_park", 250, True, "Weyhausen (Landkreis Gifhorn)", 10.7230, 52.4625, "medium"),
    ("WOB-50", "Gewerbegebiet Flechtorf (outside the city)", "various", "business_park", 150, True, "Flechtorf (Landkreis Helmstedt)", 10.7120, 52.3370, "low"),
    ("WOB-51", "Lidl Velpke (outside the city)", "Lidl", "supermarket", 70, False, "Velpke (Landkreis Helmstedt)", 10.9370, 52.4070, "low"),
]

# ---------------------------------------------------------------------------
# Existing grocery stores (supermarkets and discounters).
# (store_id, name, chain, district, lon, lat, confidence)
# The car-park candidates of kind "supermarket" are the same stores where both
# lists name them; their positions agree.
# ---------------------------------------------------------------------------
GROCERY = [
    ("S01", "REWE Schlesierweg", "REWE", "Fallersleben", 10.7230, 52.4255, "high"),
    ("S02", "REWE Glockenberg", "REWE", "Fallersleben", 10.7290, 52.4120, "high"),
    ("S03", "Lidl Fallersleben", "Lidl", "Fallersleben", 10.7090, 52.4215, "medium"),
    ("S04", "ALDI Nord Fallersleben", "ALDI Nord", "Fallersleben", 10.7125, 52.4150, "low"),
    ("S05", "Netto Fallersleben", "Netto Marken-Discount", "Fallersleben", 10.7195, 52.4195, "low"),
    ("S06", "Netto Sülfeld", "Netto Marken-Discount", "Sülfeld", 10.6930, 52.4330, "low"),
    ("S07", "EDEKA center Nordstadt", "EDEKA", "Kreuzheide", 10.7835, 52.4470, "high"),
    ("S08", "Netto Teichbreite", "Netto Marken-Discount", "Teichbreite", 10.7950, 52.4440, "medium"),
    ("S09", "Lidl Nordstadt", "Lidl", "Hageberg", 10.7760, 52.4415, "low"),
    ("S10", "Penny Detmerode", "Penny", "Detmerode", 10.7375, 52.3965, "high"),
    ("S11", "EDEKA Detmerode", "EDEKA", "Detmerode", 10.7410, 52.3950, "low"),
    ("S12", "ALDI Nord Westhagen", "ALDI Nord", "Westhagen", 10.7245, 52.4075, "medium"),
    ("S13", "Netto Westhagen", "Netto Marken-Discount", "Westhagen", 10.7305, 52.4050, "low"),
    ("S14", "Lidl Laagberg", "Lidl", "Laagberg", 10.7580, 52.4145, "medium"),
    ("S15", "EDEKA Eichelkamp", "EDEKA", "Eichelkamp", 10.7830, 52.4035, "medium"),
    ("S16", "Penny Rabenberg", "Penny", "Rabenberg", 10.7680, 52.4045, "low"),
    ("S17", "REWE City-Galerie", "REWE", "Stadtmitte", 10.7850, 52.4185, "medium"),
    ("S18", "ALDI Nord Hesslingen", "ALDI Nord", "Hesslingen", 10.8010, 52.4225, "medium"),
    ("S19", "Penny Rothenfelde", "Penny", "Rothenfelde", 10.7975, 52.4180, "low"),
    ("S20", "REWE Hellwinkel", "REWE", "Hellwinkel", 10.8145, 52.4175, "low"),
    ("S21", "EDEKA Steimker Berg", "EDEKA", "Steimker Berg", 10.8110, 52.4100, "low"),
    ("S22", "Kaufland Vorsfelde", "Kaufland", "Vorsfelde", 10.8365, 52.4295, "low"),
    ("S23", "Lidl Vorsfelde", "Lidl", "Vorsfelde", 10.8440, 52.4305, "medium"),
    ("S24", "EDEKA Vorsfelde", "EDEKA", "Vorsfelde", 10.8400, 52.4355, "medium"),
    ("S25", "ALDI Nord Vorsfelde", "ALDI Nord", "Vorsfelde", 10.8480, 52.4330, "low"),
    ("S26", "Netto Wendschott", "Netto Marken-Discount", "Wendschott", 10.8250, 52.4500, "low"),
    ("S27", "REWE Reislingen", "REWE", "Reislingen", 10.8420, 52.4070, "medium"),
    ("S28", "EDEKA Ehmen", "EDEKA", "Ehmen", 10.7060, 52.3940, "medium"),
    ("S29", "Netto Mörse", "Netto Marken-Discount", "Mörse", 10.7020, 52.3800, "low"),
    ("S30", "Nah & Gut Hehlingen", "EDEKA (Nah & Gut)", "Hehlingen", 10.8180, 52.3835, "low"),
    ("S31", "Netto Heiligendorf", "Netto Marken-Discount", "Heiligendorf", 10.7620, 52.3460, "low"),
    ("S32", "REWE Nordsteimke", "REWE", "Nordsteimke", 10.8245, 52.3965, "low"),
]

# ---------------------------------------------------------------------------
# Candidate plots for local grocery retail (Nahversorgung). HYPOTHETICAL plots
# in real integrated locations: the centre of each plot is hand-placed in the
# named district, the outline is a generated rectangle of the stated size.
# (site_id, name, district, centre lon, lat, width m, depth m, rotation deg)
# ---------------------------------------------------------------------------
PLOTS = [
    ("NV-01", "Kreuzheide north (hypothetical plot)", "Kreuzheide", 10.7800, 52.4525, 70, 60, 10),
    ("NV-02", "Teichbreite east (hypothetical plot)", "Teichbreite", 10.8020, 52.4460, 60, 55, -15),
    ("NV-03", "Tiergartenbreite (hypothetical plot)", "Tiergartenbreite", 10.8005, 52.4385, 80, 65, 0),
    ("NV-04", "Detmerode south (hypothetical plot)", "Detmerode", 10.7360, 52.3915, 90, 70, 20),
    ("NV-05", "Westhagen west (hypothetical plot)", "Westhagen", 10.7215, 52.4035, 75, 60, -5),
    ("NV-06", "Fallersleben Hoffmannstraße (hypothetical plot)", "Fallersleben", 10.7160, 52.4170, 55, 45, 30),
    ("NV-07", "Fallersleben Glockenberg east (hypothetical plot)", "Fallersleben", 10.7340, 52.4130, 85, 70, 0),
    ("NV-08", "Vorsfelde north (hypothetical plot)", "Vorsfelde", 10.8415, 52.4410, 80, 75, -10),
    ("NV-09", "Vorsfelde Wolfsburger Straße (hypothetical plot)", "Vorsfelde", 10.8330, 52.4370, 65, 55, 15),
    ("NV-10", "Sandkamp (hypothetical plot)", "Sandkamp", 10.7430, 52.4305, 70, 60, 0),
    ("NV-11", "Hehlingen centre (hypothetical plot)", "Hehlingen", 10.8160, 52.3850, 60, 50, 5),
    ("NV-12", "Ehmen east (hypothetical plot)", "Ehmen", 10.7120, 52.3915, 75, 65, -20),
    ("NV-13", "Kästorf (hypothetical plot)", "Kästorf", 10.7320, 52.4460, 60, 50, 0),
    ("NV-14", "Hattorf (hypothetical plot)", "Hattorf", 10.7415, 52.3570, 70, 60, 10),
    ("NV-15", "Barnstorf (hypothetical plot)", "Barnstorf", 10.8035, 52.3720, 55, 50, 0),
    ("NV-16", "Steimker Gärten (hypothetical plot)", "Steimker Gärten", 10.8245, 52.4070, 85, 75, -5),
    ("NV-17", "Brackstedt (hypothetical plot)", "Brackstedt", 10.7630, 52.4725, 50, 45, 0),
    ("NV-18", "Almke (hypothetical plot)", "Almke", 10.8450, 52.3625, 60, 55, 25),
]

# ---------------------------------------------------------------------------
# Bus stops (WVG network). Names partly from memory, partly descriptive;
# positions illustrative (+-150-400 m). (stop_id, name, lon, lat)
# ---------------------------------------------------------------------------
BUS_STOPS = [
    ("B01", "Hauptbahnhof / ZOB", 10.7870, 52.4290),
    ("B02", "Porschestraße Mitte", 10.7860, 52.4225),
    ("B03", "Südkopf / City-Galerie", 10.7850, 52.4175),
    ("B04", "Kreuzheide Mitte", 10.7835, 52.4490),
    ("B05", "Kreuzheide Nord", 10.7805, 52.4515),
    ("B06", "Kreuzheide Nordost", 10.7815, 52.4540),
    ("B07", "Teichbreite", 10.7960, 52.4450),
    ("B08", "Teichbreite Ost", 10.8010, 52.4470),
    ("B09", "Tiergartenbreite", 10.7990, 52.4395),
    ("B10", "Tiergartenbreite Süd", 10.8025, 52.4375),
    ("B11", "Hageberg", 10.7760, 52.4425),
    ("B12", "Detmeroder Markt", 10.7380, 52.3960),
    ("B13", "Detmerode Süd", 10.7355, 52.3925),
    ("B14", "Detmerode Ost", 10.7440, 52.3950),
    ("B15", "Westhagen Zentrum", 10.7280, 52.4060),
    ("B16", "Westhagen West", 10.7225, 52.4045),
    ("B17", "Westhagen Süd", 10.7260, 52.4020),
    ("B18", "Fallersleben Denkmalplatz", 10.7170, 52.4175),
    ("B19", "Fallersleben Hoffmannstraße", 10.7150, 52.4160),
    ("B20", "Fallersleben Glockenberg", 10.7300, 52.4125),
    ("B21", "Fallersleben Schlesierweg", 10.7230, 52.4245),
    ("B22", "Bahnhof Fallersleben", 10.7150, 52.4095),
    ("B23", "Vorsfelde Marktplatz", 10.8420, 52.4345),
    ("B24", "Vorsfelde Nord", 10.8410, 52.4400),
    ("B25", "Vorsfelde Nordwest", 10.8390, 52.4425),
    ("B26", "Vorsfelde Wolfsburger Straße", 10.8340, 52.4360),
    ("B27", "Sandkamp", 10.7440, 52.4315),
    ("B28", "Sandkamp Werkstor", 10.7480, 52.4335),
    ("B29", "Hehlingen Dorfplatz", 10.8165, 52.3845),
    ("B30", "Ehmen Mitte", 10.7060, 52.3925),
    ("B31", "Ehmen Ost", 10.7110, 52.3905),
    ("B32", "Kästorf", 10.7315, 52.4465),
    ("B33", "Hattorf Mitte", 10.7400, 52.3565),
    ("B34", "Barnstorf", 10.8025, 52.3715),
    ("B35", "Steimker Gärten", 10.8235, 52.4075),
    ("B36", "Steimker Gärten Ost", 10.8265, 52.4065),
    ("B37", "Steimker Berg", 10.8100, 52.4110),
    ("B38", "Brackstedt", 10.7615, 52.4735),
    ("B39", "Almke", 10.8455, 52.3615),
    ("B40", "Laagberg", 10.7600, 52.4140),
    ("B41", "Eichelkamp", 10.7840, 52.4030),
    ("B42", "Reislingen Mitte", 10.8430, 52.4060),
    ("B43", "Wendschott", 10.8260, 52.4490),
    ("B44", "Rabenberg", 10.7665, 52.4030),
    ("B45", "Sülfeld", 10.6950, 52.4340),
    ("B46", "Mörse", 10.6990, 52.3795),
    ("B47", "Nordsteimke", 10.8260, 52.3950),
    ("B48", "Hellwinkel", 10.8150, 52.4175),
]
