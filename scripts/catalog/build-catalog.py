#!/usr/bin/env python3
"""Builds the built-in Azure catalog of NodePlanCatalog from the research data set.

Usage: scripts/catalog/build-catalog.py <data-dir> [<output-dir>]

<data-dir> holds azure-skus.json, azure-regions.json and azure-prices-<region>.json (see docs/catalog.md).
<output-dir> defaults to Sources/NodePlanCatalog/Resources next to this script's repository root.
Writes skus.tsv, sku-regions.tsv, regions.tsv and prices.tsv; the format is documented in docs/catalog.md.
Deterministic: the same input always produces byte-identical output. Standard library only.
"""

import collections
import json
import os
import re
import sys

# [Family][Subfamily]*[#vCPUs][-constrained]*[features]; the rest of the name is `_`-separated tokens.
SIZE_HEAD = re.compile(r"^([A-Z])([A-Z]{0,2}?)(\d+)(?:-(\d+))?([a-zA-Z]*)$")
VERSION_TOKEN = re.compile(r"^[vV](\d+)$")


def parse_size(name):
    """Splits an ARM size name into family, subfamily, feature letters, version and promo flag (or None)."""
    body = name.split("_", 1)[1] if "_" in name else name
    tokens = body.split("_")
    head = SIZE_HEAD.match(tokens[0])
    if head is None:
        return None
    version = ""
    promo = False
    extra_tokens = []
    for token in tokens[1:]:
        match = VERSION_TOKEN.match(token)
        if match:
            version = match.group(1)
        elif token == "Promo":
            promo = True
        else:
            extra_tokens.append(token)
    return {
        "family": head.group(1),
        "subfamily": head.group(2),
        "features": head.group(5),
        "version": version,
        "promo": promo,
        "extraTokens": extra_tokens,
    }


def series_of(parsed):
    """Karpenter's sku-series: family + subfamily + features + `_v<version>` (accelerator left out)."""
    if parsed is None:
        return ""
    suffix = "_v" + parsed["version"] if parsed["version"] else ""
    return parsed["family"] + parsed["subfamily"] + parsed["features"] + suffix


def memory_ratio_key(parsed):
    """Sizes whose memory per vCPU is expected to match: same family, subfamily and memory-shaping features.
    Only plain sizes (no accelerator or memory tokens such as `_A100` or `_10`) get an inferred memory."""
    shaping = "".join(sorted(set(parsed["features"]) & set("lmipb")))
    return (parsed["family"], parsed["subfamily"], shaping)


def infer_memory_ratios(skus):
    """Most common GiB per vCPU of sizes with known memory, per memory_ratio_key, newest version first."""
    observed = collections.defaultdict(collections.Counter)
    for sku in skus:
        parsed = parse_size(sku["name"])
        if parsed is None or not sku["memoryGiB"] or not sku["vCPUs"]:
            continue
        version = int(parsed["version"] or "1")
        observed[(memory_ratio_key(parsed), version)][sku["memoryGiB"] / sku["vCPUs"]] += 1
    ratios = {}
    for (key, version) in sorted(observed, key=lambda item: item[1]):
        ratio, _ = max(observed[(key, version)].items(), key=lambda item: (item[1], item[0]))
        ratios[key] = ratio  # newer versions overwrite older ones
    return ratios


def flag(value):
    return "" if value is None else ("1" if value else "0")


def number(value):
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def inferred_capabilities(parsed, vcpus, arch, name):
    """Capabilities for sizes without a resource-SKU record, from the naming convention (docs/catalog.md)."""
    family = parsed["family"] if parsed else ""
    features = parsed["features"] if parsed else ""
    version = int(parsed["version"] or "1") if parsed else 1
    legacy = name.startswith("Basic_") or family == "A"
    burstable_v1 = family == "B" and version == 1
    hyperv = ["2"] if arch == "arm64" or version >= 6 else ["1", "2"]
    return {
        "acceleratedNetworking": bool(vcpus and vcpus >= 2 and not legacy and not burstable_v1),
        "premiumIO": "s" in features or (parsed is not None and "S" in parsed["subfamily"]),
        "ephemeralOSMaxGB": None,
        "hyperV": hyperv,
        "lowPriority": not (legacy and name.startswith("Basic_")) and not burstable_v1
        and not (parsed and parsed["promo"]),
        "encryptionAtHost": not legacy,
        "trustedLaunch": "2" in hyperv and arch != "arm64" and family not in ("A", "G") and not legacy,
    }


def recorded_capabilities(caps, arch):
    """Capabilities of sizes the data set has a full resource-SKU record for."""
    hyperv = sorted(g[1:] for g in (caps["hyperVGenerations"] or []))
    return {
        "acceleratedNetworking": bool(caps["acceleratedNetworking"]),
        "premiumIO": bool(caps["premiumIO"]),
        "ephemeralOSMaxGB": caps["ephemeralOSDiskMaxSizeGB"] if caps["ephemeralOSDiskSupported"] else None,
        "hyperV": hyperv,
        "lowPriority": bool(caps["lowPriorityCapable"]),
        "encryptionAtHost": bool(caps["encryptionAtHostSupported"]),
        "trustedLaunch": "2" in hyperv and not caps["trustedLaunchDisabled"],
    }


SKU_COLUMNS = [
    "name", "armFamily", "vCPUs", "memoryGiB", "memorySource", "arch", "archSource", "family", "series", "version",
    "gpuCount", "gpuManufacturer", "gpuName", "gpuSupported", "gpuDriver", "gpuOS",
    "acceleratedNetworking", "premiumIO", "ephemeralOSMaxGB", "hyperVGenerations", "lowPriority",
    "encryptionAtHost", "trustedLaunch", "capabilitySource",
    "knownSKU", "restrictedBy", "confidential", "constrainedVCPU",
]


def sku_row(sku, ratios):
    karpenter = sku["karpenter"]
    parsed = parse_size(sku["name"])
    vcpus = sku["vCPUs"] if sku["vCPUs"] is not None else karpenter["nameVCPUs"]
    memory = sku["memoryGiB"]
    memory_source = {"sku-capability:MemoryGB": "c"}.get(sku["memoryGiBSource"], "a")
    if memory is None:
        # Only the newest plain sizes (v6 and later, absent from the autoscaler table) are inferred.
        plain = parsed is not None and not parsed["extraTokens"] and int(parsed["version"] or "1") >= 6
        ratio = ratios.get(memory_ratio_key(parsed)) if plain and vcpus else None
        memory, memory_source = (vcpus * ratio, "i") if ratio else (None, "-")
    arch, arch_source = sku["arch"], "d"
    if arch is None:
        arch, arch_source = ("arm64" if parsed and "p" in parsed["features"] else "amd64"), "i"
    if sku["capabilities"]:
        caps, capability_source = recorded_capabilities(sku["capabilities"], arch), "r"
    else:
        caps, capability_source = inferred_capabilities(parsed, vcpus, arch, sku["name"]), "i"
    gpu = sku["gpu"] or {}
    cells = [
        sku["name"], sku["family"] or "", number(vcpus), number(memory), memory_source, arch, arch_source,
        karpenter["labelSkuFamily"] or "", series_of(parsed), karpenter["labelSkuVersion"] or "",
        number(gpu.get("count")), gpu.get("manufacturer") or "", gpu.get("acceleratorTokenFromName") or "",
        flag(gpu.get("inKarpenterSupportedGpuList")) if gpu else "",
        flag(gpu.get("driverInstallSupportedByKarpenter")) if gpu else "",
        ",".join(gpu.get("karpenterSupportedOS") or []),
        flag(caps["acceleratedNetworking"]), flag(caps["premiumIO"]), number(caps["ephemeralOSMaxGB"]),
        ",".join(caps["hyperV"]), flag(caps["lowPriority"]), flag(caps["encryptionAtHost"]),
        flag(caps["trustedLaunch"]), capability_source,
        flag(karpenter["knownSku"]), karpenter["restrictedBy"] or "", flag(karpenter["confidential"]),
        flag(karpenter["constrainedVCPU"]),
    ]
    assert len(cells) == len(SKU_COLUMNS)
    assert all("\t" not in cell and "\n" not in cell for cell in cells), sku["name"]
    return cells


def sku_region_rows(sku):
    """One row per (SKU, region) the data set has zone or restriction facts for."""
    zones = sku["zones"] or {}
    restrictions = sku["restrictions"] or {}
    for region in sorted(set(zones) | set(restrictions)):
        location_restricted = any(r["type"] == "Location" for r in restrictions.get(region, []))
        restricted_zones = sorted({z for r in restrictions.get(region, []) if r["type"] == "Zone" for z in r["zones"]})
        known_zones = ",".join(sorted(zones[region])) if region in zones else "?"
        yield [sku["name"], region, known_zones, flag(location_restricted), ",".join(restricted_zones)]


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    data = argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = argv[2] if len(argv) == 3 else os.path.join(root, "Sources", "NodePlanCatalog", "Resources")
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(data, "azure-skus.json"), encoding="utf-8") as source:
        skus = sorted(json.load(source), key=lambda sku: sku["name"])
    with open(os.path.join(data, "azure-regions.json"), encoding="utf-8") as source:
        regions = sorted((r for r in json.load(source)["regions"] if r["regionType"] == "Physical"),
                         key=lambda r: r["name"])

    ratios = infer_memory_ratios(skus)
    write_tsv(os.path.join(out, "skus.tsv"), SKU_COLUMNS, (sku_row(sku, ratios) for sku in skus))
    write_tsv(os.path.join(out, "sku-regions.tsv"),
              ["name", "region", "zones", "locationRestricted", "restrictedZones"],
              (row for sku in skus for row in sku_region_rows(sku)))

    priced = {}
    for entry in sorted(os.listdir(data)):
        match = re.match(r"^azure-prices-([a-z0-9]+)\.json$", entry)
        if match:
            with open(os.path.join(data, entry), encoding="utf-8") as source:
                priced[match.group(1)] = {p["sku"]: p["onDemand"] for p in json.load(source)["prices"]
                                          if p["onDemand"] is not None}
    # A priced region the location list lacks is kept, as a non-zonal region.
    listed = {r["name"] for r in regions}
    regions += [{"name": name, "zonal": False, "availabilityZoneMappings": None} for name in priced if name not in listed]
    regions.sort(key=lambda r: r["name"])
    write_tsv(os.path.join(out, "regions.tsv"), ["name", "zonal", "zones", "hasPrices"],
              ([r["name"], flag(r["zonal"]),
                ",".join(sorted(m["logicalZone"] for m in (r["availabilityZoneMappings"] or []))),
                flag(r["name"] in priced)] for r in regions))

    price_regions = sorted(priced)
    known = {sku["name"] for sku in skus}
    # Price meters for sizes without capacity facts cannot become instance types: dropped, counted.
    unpriceable = {name for prices in priced.values() for name in prices} - known
    write_tsv(os.path.join(out, "prices.tsv"), ["name"] + price_regions,
              ([sku["name"]] + [number(priced[r].get(sku["name"])) for r in price_regions]
               for sku in skus if any(sku["name"] in priced[r] for r in price_regions)))
    print("wrote %d SKUs, %d regions (%d priced) to %s; dropped prices of %d unknown sizes"
          % (len(skus), len(regions), len(priced), out, len(unpriceable)))


if __name__ == "__main__":
    main(sys.argv)
