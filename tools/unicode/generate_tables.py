#!/usr/bin/env python3
"""Writes src/CapiKit/Pii/Text/UnicodeTables.g.cs from the Unicode Character Database.

CapiKit's normalizers must give the same bytes under ICU, under InvariantGlobalization=true and under NativeAOT
(ARCHITECTURE.md, invariant 11), so they carry their own copy of the few Unicode properties they use instead of
asking the host: canonical decompositions and compositions (NFC), combining classes, full lower-case mappings and
a byte of character classes per code point.

Usage (Debian: apt-get install unicode-data):
    python3 tools/unicode/generate_tables.py [/usr/share/unicode] > src/CapiKit/Pii/Text/UnicodeTables.g.cs
"""
import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
MAX = 0x110000

# Flag bits, mirrored by CharClass in UnicodeCharClass.cs.
LETTER, MARK, DIGIT, WHITE_SPACE, IGNORABLE, CASED, CASE_IGNORABLE, NFC_UNSAFE = (1 << i for i in range(8))


def lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def code_range(text):
    if ".." in text:
        a, b = text.split("..")
        return range(int(a, 16), int(b, 16) + 1)
    return range(int(text, 16), int(text, 16) + 1)


def version():
    with open(os.path.join(UCD, "ReadMe.txt"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"Unicode (\d+\.\d+\.\d+)", text) or re.search(r"Version (\d+\.\d+\.\d+)", text)
    if m:
        return m.group(1)
    with open(os.path.join(UCD, "DerivedAge.txt"), encoding="utf-8") as f:
        return re.search(r"DerivedAge-(\d+\.\d+\.\d+)", f.read()).group(1)


category = {}
ccc = {}
decomposition = {}
lower = {}
pending_first = None
for fields in lines("UnicodeData.txt"):
    cp = int(fields[0], 16)
    name, gc = fields[1], fields[2]
    if name.endswith(", First>"):
        pending_first = cp
        continue
    cps = range(pending_first, cp + 1) if name.endswith(", Last>") else [cp]
    pending_first = None
    for c in cps:
        category[c] = gc
        if int(fields[3]):
            ccc[c] = int(fields[3])
    if fields[5] and not fields[5].startswith("<"):
        decomposition[cp] = [int(x, 16) for x in fields[5].split()]
    if fields[13]:
        lower[cp] = [int(fields[13], 16)]

# SpecialCasing: the unconditional full mappings (U+0130 becomes i + combining dot above). Conditional ones
# (Final_Sigma, language-specific) have a fifth field; Final_Sigma is applied in code.
for fields in lines("SpecialCasing.txt"):
    if len(fields) > 4 and fields[4]:
        continue
    cp = int(fields[0], 16)
    full = [int(x, 16) for x in fields[1].split()]
    if full != [cp]:
        lower[cp] = full


def prop(name, wanted):
    found = set()
    for fields in lines(name):
        if fields[1] == wanted:
            found.update(code_range(fields[0]))
    return found


white_space = prop("PropList.txt", "White_Space")
ignorable = prop("DerivedCoreProperties.txt", "Default_Ignorable_Code_Point")
cased = prop("DerivedCoreProperties.txt", "Cased")
case_ignorable = prop("DerivedCoreProperties.txt", "Case_Ignorable")
exclusions = prop("DerivedNormalizationProps.txt", "Full_Composition_Exclusion")
nfc_qc = set()
for fields in lines("DerivedNormalizationProps.txt"):
    if fields[1] == "NFC_QC" and fields[2] in ("N", "M"):
        nfc_qc.update(code_range(fields[0]))


def full_decomposition(cp):
    if cp not in decomposition:
        return [cp]
    out = []
    for c in decomposition[cp]:
        out.extend(full_decomposition(c))
    return out


def flags(cp):
    gc = category.get(cp, "Cn")
    f = 0
    if gc[0] == "L":
        f |= LETTER
    if gc[0] == "M":
        f |= MARK
    if gc == "Nd":
        f |= DIGIT
    if cp in white_space:
        f |= WHITE_SPACE
    if cp in ignorable:
        f |= IGNORABLE
    if cp in cased:
        f |= CASED
    if cp in case_ignorable:
        f |= CASE_IGNORABLE
    if cp in nfc_qc or cp in ccc:
        f |= NFC_UNSAFE
    return f


def runs(value_of):
    starts, values, last = [], [], None
    for cp in range(MAX):
        v = value_of(cp)
        if v != last:
            starts.append(cp)
            values.append(v)
            last = v
    return starts, values


def emit_array(name, kind, items, per_line=16, fmt="0x{:X}"):
    out = [f"    private static ReadOnlySpan<{kind}> {name} =>", "    ["]
    for i in range(0, len(items), per_line):
        out.append("        " + ", ".join(fmt.format(x) for x in items[i:i + per_line]) + ",")
    out.append("    ];")
    return "\n".join(out)


class_starts, class_values = runs(flags)
ccc_starts, ccc_values = runs(lambda cp: ccc.get(cp, 0))

decomposed = sorted(cp for cp in decomposition)
decomposition_offsets, decomposition_data = [0], []
for cp in decomposed:
    decomposition_data.extend(full_decomposition(cp))
    decomposition_offsets.append(len(decomposition_data))

pairs = []
for cp in decomposed:
    d = decomposition[cp]
    if len(d) == 2 and cp not in exclusions:
        pairs.append((d[0], d[1], cp))
pairs.sort()
composition = [x for p in pairs for x in p]

simple_lower = sorted(cp for cp, m in lower.items() if len(m) == 1)
multi_lower = sorted(cp for cp, m in lower.items() if len(m) > 1)
multi_offsets, multi_data = [0], []
for cp in multi_lower:
    multi_data.extend(lower[cp])
    multi_offsets.append(len(multi_data))

print(f"""// <auto-generated/>
// Generated by tools/unicode/generate_tables.py from the Unicode Character Database {version()}. Do not edit:
// run the script again (see its header) to move to another Unicode version.
#nullable enable

namespace CapiKit.Pii.Text;

internal static partial class UnicodeTables
{{
    /// <summary>The Unicode version the tables come from.</summary>
    public const string UnicodeVersion = "{version()}";
""")
print(emit_array("ClassRunStarts", "int", class_starts))
print(emit_array("ClassRunValues", "byte", class_values, 32))
print(emit_array("CombiningClassRunStarts", "int", ccc_starts))
print(emit_array("CombiningClassRunValues", "byte", ccc_values, 32, "{}"))
print(emit_array("DecompositionKeys", "int", decomposed))
print(emit_array("DecompositionOffsets", "ushort", decomposition_offsets, 16, "{}"))
print(emit_array("DecompositionData", "int", decomposition_data))
print(emit_array("CompositionTriples", "int", composition, 15))
print(emit_array("LowercaseKeys", "int", simple_lower))
print(emit_array("LowercaseValues", "int", [lower[cp][0] for cp in simple_lower]))
print(emit_array("FullLowercaseKeys", "int", multi_lower))
print(emit_array("FullLowercaseOffsets", "ushort", multi_offsets, 16, "{}"))
print(emit_array("FullLowercaseData", "int", multi_data))
print("}")
