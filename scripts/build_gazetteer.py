#!/usr/bin/env python3
"""Build Watchpost's bundled gazetteer of Syria from the open data in ../shared/data/geo.

Standard library only. Usage:  python3 scripts/build_gazetteer.py [--geo DIR] [--out DIR]

Writes Sources/WatchpostCore/Resources/gazetteer/places.tsv (one place a line; the format the Swift
Gazetteer and the user gazetteer share) and admin1.tsv (OCHA P-code -> canonical governorate name),
then prints a report: counts per kind and source, and (only as a check, never shipped) how many
names of the GPL-licensed syrianarchive list the gazetteer knows.

Sources (see SOURCES.md there): Open-Syria admin hierarchy (CC BY 4.0), Wikipedia's Syrian civil-war
map module (CC BY-SA), OCHA COD-AB governorate polygons (CC BY 3.0 IGO) for the admin1 of points.
Because the Wikipedia rows are CC BY-SA, the built places.tsv is CC BY-SA 4.0 as a whole.
"""
import argparse, csv, json, math, os, re, sys, unicodedata

# The 14 canonical governorate names (shared/eval/SCHEMA.md), keyed by OCHA P-code, with the
# Open-Syria id of each. This table is specific to Syria and lives here, in the builder, not in Swift.
ADMIN1 = [
    ("SY01", "Damascus", "sy-damascus"), ("SY02", "Aleppo", "sy-aleppo"),
    ("SY03", "Rif Dimashq", "sy-rif-dimashq"), ("SY04", "Homs", "sy-homs"), ("SY05", "Hama", "sy-hama"),
    ("SY06", "Latakia", "sy-latakia"), ("SY07", "Idlib", "sy-idlib"), ("SY08", "Al-Hasakah", "sy-al-hasakah"),
    ("SY09", "Deir ez-Zor", "sy-deir-ez-zor"), ("SY10", "Tartus", "sy-tartus"), ("SY11", "Ar-Raqqah", "sy-raqqa"),
    ("SY12", "Daraa", "sy-daraa"), ("SY13", "As-Suwayda", "sy-as-suwayda"), ("SY14", "Quneitra", "sy-quneitra"),
]
PCODE_NAME = {p: n for p, n, _ in ADMIN1}
OSID_NAME = {o: n for _, n, o in ADMIN1}
# Governorates without a capital city of their own name (Rif Dimashq surrounds Damascus).
NO_CAPITAL = {"sy-rif-dimashq"}
COUNTRY = "SY"

WIKI_KIND = {"settlement": "village", "hill": "hill", "military_base": "base", "airbase": "airport",
             "heliport": "airport", "dam": "dam", "border_crossing": "crossing", "industry": "base",
             "oil_gas": "base", "naval": "base", "contested": "village"}
# Labels that name a kind of thing, not a place ("Syrian Army checkpoint"): not gazetteer names.
GENERIC = re.compile(r"^(syrian army|military|ypg|sdf|turkish|radio|communication|train station|driving|"
                     r"army|checkpoint|base|hospital|school|unknown)\b", re.I)
MOUNTAIN = re.compile(r"^(jabal|jebel|jbel|mount|mt\.?)\b|\bmountains?\b", re.I)


def fold(s):
    """A rough matching key, for merging rows at build time only (Swift has the real folder)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[`'\u2018\u2019\u02bf\u02be]", "", s)
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in
             {"al", "el", "as", "ash", "ad", "at", "ar", "az", "an", "ad", "ez", "es"}]
    s = "".join(words)
    for a, b in (("ou", "u"), ("ee", "i"), ("q", "k"), ("kh", "h"), ("e", "i"), ("o", "u"), ("w", "u")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiouy]", "", s)


def fold_loose(s):
    """Case, diacritics, apostrophes, articles and separators only: for "is this the same name"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[`'\u2018\u2019\u02bf\u02be]", "", s)
    return "".join(w for w in re.split(r"[^a-z0-9]+", s) if w not in {"al", "el", "as", "ash", "ad", "at", "ar", "az", "an"})


def dist_km(a, b, c, d):
    p = math.pi / 180
    x = (d - b) * p * math.cos((a + c) / 2 * p)
    return 6371 * math.hypot(x, (c - a) * p)


def load_polygons(path):
    feats = json.load(open(path, encoding="utf-8"))["features"]
    out = []
    for f in feats:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        out.append((PCODE_NAME[f["properties"]["ADM1_PCODE"]], polys))
    return out


def inside(polys, lat, lon):
    hit = False
    for poly in polys:
        for ring in poly:  # even-odd over all rings handles holes
            n = len(ring)
            j = n - 1
            for i in range(n):
                xi, yi = ring[i]
                xj, yj = ring[j]
                if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                    hit = not hit
                j = i
    return hit


def admin1_at(polygons, lat, lon):
    for name, polys in polygons:
        if inside(polys, lat, lon):
            return name
    return None


def en_aliases(rec):
    names = [rec["name"]["en"]]
    for a in rec.get("aliases", []):
        v = a["value"]
        if a["language"] != "en" or not re.search(r"[A-Za-z]", v):
            continue
        if re.search(r"\b(Subdistrict|District|Governorate|Nahiyat|Nāḩiyat|Mantiqat|Manţiqat|Markaz)\b", v):
            continue
        if v == v.lower():  # machine transliterations such as "nahyt blbl"
            continue
        names.append(v)
    return names


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        x = x.strip()
        if x and x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


def clean(v):
    return v.replace("\t", " ").replace(";", ",").strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--geo", default=os.path.join(here, "..", "..", "..", "shared", "data", "geo"))
    ap.add_argument("--out", default=os.path.join(here, "..", "Sources", "WatchpostCore", "Resources", "gazetteer"))
    args = ap.parse_args()
    geo = args.geo
    if not os.path.exists(os.path.join(geo, "SOURCES.md")):
        geo = "/work/shared/data/geo"
    polygons = load_polygons(os.path.join(geo, "ocha_cod_ab", "syr_admin1.geojson"))
    osy = lambda f: json.load(open(os.path.join(geo, "opensyria", f), encoding="utf-8"))
    govs, dists, subs = osy("governorates.json"), osy("districts.json"), osy("subdistricts.json")
    dist_by_id = {d["id"]: d for d in dists}

    places = []  # dicts

    def add(pid, name, variants, kind, admin1, admin2, lat, lon, pop, source):
        places.append(dict(id=pid, name=name, variants=uniq([v for v in variants if v != name]), kind=kind,
                           admin1=admin1, admin2=admin2, lat=lat, lon=lon, pop=pop, source=source))

    add("sy", "Syria", ["Syrian Arab Republic"], "country", None, None, 35.0, 38.5, None, "watchpost")
    for g in govs:
        name = OSID_NAME[g["id"]]
        pop = (g.get("population") or {}).get("value")
        add(g["id"], name, en_aliases(g), "governorate", name, None, g["centroid"]["latitude"],
            g["centroid"]["longitude"], pop, "opensyria")
    for d in dists:
        a1 = OSID_NAME[d["governorateId"]]
        pop = (d.get("population") or {}).get("value")
        add(d["id"], d["name"]["en"], en_aliases(d), "district", a1, d["name"]["en"], d["centroid"]["latitude"],
            d["centroid"]["longitude"], pop, "opensyria")
    for s in subs:
        a1 = OSID_NAME[s["governorateId"]]
        pop = (s.get("population") or {}).get("value")
        add(s["id"], s["name"]["en"], en_aliases(s), "subdistrict", a1, dist_by_id[s["districtId"]]["name"]["en"],
            s["centroid"]["latitude"], s["centroid"]["longitude"], pop, "opensyria")

    # Wikipedia map points: villages, hills, bases, crossings.
    wiki = []
    with open(os.path.join(geo, "wikipedia_map_module", "syria_places.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = r["name"].strip()
            if not name or GENERIC.search(name):
                continue
            lat, lon = float(r["latitude"]), float(r["longitude"])
            a1 = admin1_at(polygons, lat, lon)
            if a1 is None:  # within ~2 km of the border: the nearest governorate the module gives
                m = re.match(r"([^:]+?)\s*[:(]", r["nearest_admin1_if_outside"] or "")
                near = (r["nearest_admin1_if_outside"] or "").split(":")[0].split(" (")[0].strip()
                a1 = {"Idleb": "Idlib", "Lattakia": "Latakia", "Al-Hasakeh": "Al-Hasakah", "Deir-ez-Zor": "Deir ez-Zor",
                      "Ar-Raqqa": "Ar-Raqqah", "Rural Damascus": "Rif Dimashq", "Dar'a": "Daraa",
                      "As-Sweida": "As-Suwayda", "Tartous": "Tartus"}.get(near, near) or None
                if a1 not in PCODE_NAME.values():
                    continue
            kind = WIKI_KIND.get(r["feature"], "village")
            if kind == "hill" and MOUNTAIN.search(name):
                kind = "mountain"
            if re.search(r"\bdistrict\b", name, re.I) or a1 == "Damascus":
                kind = "neighbourhood"
            variants = [v for v in (r["name_variants"] or "").split("; ") if re.search(r"[A-Za-z]", v)]
            for extra in (r["wiki_target"], r["link"]):
                extra = re.sub(r"\s*\(.*?\)|,.*$|#.*$", "", extra or "").strip()
                # Link targets are article titles: keep short ones that are not a governorate's name.
                if extra and len(extra.split()) <= 3 and not re.search(r"(?i)syria|campaign|battle|offensive|push|war", extra) \
                        and extra not in PCODE_NAME.values() and extra != "Syria":
                    variants.append(extra)
            # "X Airport & Y Airbase": each part is a name; "Khmeimim airbase" is also "Khmeimim".
            for part in re.split(r"\s+(?:and|&)\s+", name):
                if part != name:
                    variants.append(part)
            if kind in ("airport", "base", "crossing", "dam"):
                for v in [name] + variants:
                    bare = re.sub(r"(?i)\s+(air ?base|airport|military airport|air field|airfield|base|"
                                  r"border crossing|crossing|dam)$", "", v)
                    if bare != v and len(bare) > 3:
                        variants.append(bare)
            # Variants that are a governorate's name ("Idlib" on a town in Idlib) or a sentence are labels, not names.
            gov_keys = {fold(n) for n in PCODE_NAME.values()}
            # A single letter ("M" of "M/D Army Battalion") is an abbreviation's piece, never a place in text.
            variants = [v for v in variants if len(v.split()) <= 5 and "," not in v and not GENERIC.search(v) and
                        len(re.sub(r"[^A-Za-z]", "", v)) >= 2 and (fold(v) not in gov_keys or fold(v) == fold(name))]
            wiki.append(dict(name=name, variants=variants, kind=kind, admin1=a1, lat=lat, lon=lon,
                             ref=r["source_ref"]))

    # admin2 of a point: the district of the nearest sub-district centroid in the same governorate.
    def district_of(a1, lat, lon):
        best = None
        for s in subs:
            if OSID_NAME[s["governorateId"]] != a1:
                continue
            dd = dist_km(lat, lon, s["centroid"]["latitude"], s["centroid"]["longitude"])
            if best is None or dd < best[0]:
                best = (dd, dist_by_id[s["districtId"]]["name"]["en"])
        return best[1] if best else None

    # District seats and governorate capitals: the "Markaz" sub-district of each district. Where the
    # Wikipedia module has the town, its point is kept and enriched with the population; otherwise the
    # sub-district centroid stands in for the town (big cities are missing from the module).
    seat_of = {}
    for s in subs:
        if any("Markaz" in a["value"] for a in s.get("aliases", [])):
            seat_of[s["districtId"]] = s
    capital_of = {}
    for g in govs:
        if g["id"] in NO_CAPITAL:
            continue
        cands = [s for s in seat_of.values() if s["governorateId"] == g["id"]]
        gk = {fold(n) for n in en_aliases(g) + [OSID_NAME[g["id"]]]}
        named = [s for s in cands if fold(dist_by_id[s["districtId"]]["name"]["en"]) in gk]
        if named:  # the seat of the district named after the governorate (Idlib), else the biggest
            capital_of[g["id"]] = named[0]
        elif cands:
            capital_of[g["id"]] = max(cands, key=lambda s: (s.get("population") or {}).get("value") or 0)

    seat_places = []
    for did, s in seat_of.items():
        d = dist_by_id[did]
        g = next(x for x in govs if x["id"] == d["governorateId"])
        pop = (s.get("population") or {}).get("value")
        names = en_aliases(d) + en_aliases(s)
        if capital_of.get(g["id"]) is s:
            names = en_aliases(g) + names
            names.insert(0, OSID_NAME[g["id"]])
        # "Mount Simeon" is the district of Aleppo, not a name of the city.
        names = [n for n in names if not MOUNTAIN.search(n)]
        if capital_of.get(g["id"]) is not s:  # only a capital carries its governorate's name
            gov_keys = {fold(n) for n in PCODE_NAME.values()}
            names = [n for n in names if fold(n) not in gov_keys or fold(n) == fold(names[0])]
        seat_places.append(dict(name=names[0], variants=names[1:], pop=pop, admin1=OSID_NAME[g["id"]],
                                admin2=d["name"]["en"], lat=s["centroid"]["latitude"], lon=s["centroid"]["longitude"],
                                id=s["id"] + "-town"))

    wiki_keys = {}
    for i, w in enumerate(wiki):
        for n in [w["name"]] + w["variants"]:
            wiki_keys.setdefault(fold(n), []).append(i)
    merged = 0
    for sp in seat_places:
        kind = "city" if (sp["pop"] or 0) >= 100000 else "town"
        hit = None
        # Sub-district centroids can lie 30 km from the town; the map point's own name must match.
        for n in [sp["name"]] + sp["variants"]:
            for i in wiki_keys.get(fold(n), []):
                w = wiki[i]
                if w["kind"] == "village" and w["admin1"] == sp["admin1"] and fold_loose(n) in {fold_loose(x) for x in re.split(r"[/()]", w["name"]) + [w["name"]] if x.strip()} and \
                        dist_km(w["lat"], w["lon"], sp["lat"], sp["lon"]) < 35:
                    hit = i
                    break
            if hit is not None:
                break
        if hit is not None:
            w = wiki[hit]
            w["kind"], w["pop"], w["admin2"] = kind, sp["pop"], sp["admin2"]
            w["variants"] = [sp["name"]] + sp["variants"] + w["variants"]
            merged += 1
        else:
            add(sp["id"], sp["name"], sp["variants"], kind, sp["admin1"], sp["admin2"], sp["lat"], sp["lon"],
                sp["pop"], "opensyria")

    for i, w in enumerate(wiki):
        add("wp-%s" % w["ref"].replace(":", "-"), w["name"], w["variants"], w["kind"], w["admin1"],
            w.get("admin2") or district_of(w["admin1"], w["lat"], w["lon"]), w["lat"], w["lon"], w.get("pop"),
            "wikipedia-map")

    # Other names in common use (Kurdish, Turkish, Russian romanisations), from a hand-written table.
    endonyms = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer_endonyms.tsv")
    added = 0
    for line in open(endonyms, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, a1, others = line.rstrip("\n").split("\t")
        for p in places:
            # The exact name (loose key), not the build's skeleton key: "Nayrab" is not "Ayn al-Arab".
            names = {fold_loose(p["name"])} | {fold_loose(v) for v in p["variants"]}
            if fold_loose(name) in names and p["admin1"] == a1 and p["kind"] in ("city", "town", "village", "district", "subdistrict", "airport"):
                p["variants"] = uniq(p["variants"] + [o for o in others.split(";") if o and fold_loose(o) not in names])
                added += 1
    print("endonym rows applied to %d places" % added)

    os.makedirs(args.out, exist_ok=True)
    cols = ["id", "name", "variants", "kind", "country", "admin1", "admin2", "latitude", "longitude",
            "population", "source"]
    with open(os.path.join(args.out, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(cols) + "\n")
        for p in places:
            f.write("\t".join([p["id"], clean(p["name"]), ";".join(clean(v) for v in p["variants"]), p["kind"],
                               COUNTRY, p["admin1"] or "", p["admin2"] or "",
                               "" if p["lat"] is None else "%.5f" % p["lat"],
                               "" if p["lon"] is None else "%.5f" % p["lon"],
                               "" if p["pop"] is None else str(p["pop"]), p["source"]]) + "\n")
    with open(os.path.join(args.out, "admin1.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("country\tcode\tadmin1\n")
        for p, n, _ in ADMIN1:
            f.write("%s\t%s\t%s\n" % (COUNTRY, p, n))

    # Report.
    from collections import Counter
    print("places: %d (%d seats merged into map points)" % (len(places), merged), file=sys.stderr)
    print("by kind:", dict(Counter(p["kind"] for p in places)), file=sys.stderr)
    print("by source:", dict(Counter(p["source"] for p in places)), file=sys.stderr)
    check = os.path.join(geo, "syrianarchive", "syrianarchive_locations_dedup.csv")
    if os.path.exists(check):  # GPL list: a check only, nothing of it is written out
        keys = {}
        for p in places:
            for n in [p["name"]] + p["variants"]:
                keys.setdefault(fold(n), []).append(p)
        rows = list(csv.DictReader(open(check, encoding="utf-8")))
        known = near = 0
        for r in rows:
            ps = keys.get(fold(r["name_en"]), [])
            if ps:
                known += 1
                if any(q["lat"] is not None and dist_km(q["lat"], q["lon"], float(r["latitude"]),
                                                        float(r["longitude"])) < 10 for q in ps):
                    near += 1
        print("check against syrianarchive: %d/%d names known, %d within 10 km" % (known, len(rows), near),
              file=sys.stderr)


if __name__ == "__main__":
    main()
