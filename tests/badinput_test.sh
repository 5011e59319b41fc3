#!/usr/bin/env bash
# Bad-input corpus through the CLI (issues #3 and #11): tests/badinput/make_corpus.py writes the files into a
# temp dir (twice: byte-identical), then `workbench inspect --lang en` and `--lang fr` run on each. Every case
# must end normally (no signal, no sanitizer report, exit 1 for a file that failed and 0 for one that was read)
# and print the expected fragments: the file's path, the message, and its byte offset or line.
# Prints "ok - …" / "FAIL - …" lines, ends with "N passed, N failed"; exits 1 on any failure.
#   bash tests/badinput_test.sh [path/to/workbench]      (default build/native/workbench)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WB="${1:-$ROOT/build/native/workbench}"
if [ ! -x "$WB" ]; then echo "workbench not found: $WB (cmake --build build/native)"; echo "0 passed, 1 failed"; exit 1; fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 "$ROOT/tests/badinput/make_corpus.py" "$TMP/a" || { echo "FAIL - corpus generator"; echo "0 passed, 1 failed"; exit 1; }

WB="$WB" OUT="$TMP/a" GEN="$ROOT/tests/badinput/make_corpus.py" TMP="$TMP" python3 - <<'PY'
import filecmp, os, subprocess, sys

WB, OUT, GEN, TMP = os.environ["WB"], os.environ["OUT"], os.environ["GEN"], os.environ["TMP"]
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what + (("\n    " + detail.replace("\n", "\n    ")) if detail else ""))


# file -> (exit code, fragments in English, fragments in French)
CASES = {
    "vide.csv": (1, ["Bytes: 0", "Error: [format.empty] Empty file"], ["Erreur : [format.empty] Fichier vide"]),
    "coupe_dans_chaine.json": (1, ["[json.eof_in_string] End of file inside a string started at byte 60 (line 1)"],
                               ["Fin de fichier dans une chaîne commencée à l'octet 60 (ligne 1)"]),
    "takeout_tronque.zip": (0, ["Takeout/releve.csv", "bank   ok             3 rows",
                                'Entry "Takeout/Historique des positions/Records.json" (byte 184): incomplete, the archive ends at byte 30966'],
                            ["(octet 184) : incomplète, l'archive s'arrête à l'octet 30966"]),
    "photo_renommee.json": (1, ["Error: [format.unknown] Unknown format: binary data (first bytes: 8F CB 71 E1", "(byte 0)"],
                            ["Format non reconnu : données binaires"]),
    "releve_utf16_sans_bom.csv": (0, ["Encoding: utf-16le", "Table transactions — 3 rows", "sum amount = 2084.43"],
                                  ["Encodage : utf-16le"]),
    "utf8_invalide.json": (0, ["[json.invalid_utf8] Invalid UTF-8 inside a string at byte 40 (line 1), replaced by U+FFFD",
                               "at byte 59 (line 1)", "Table utf8_invalide — 2 rows"],
                           ["UTF-8 invalide dans une chaîne à l'octet 40 (ligne 1)"]),
    "bombe.zip": (0, ['Entry "Takeout/donnees.csv" (byte 0): compression ratio above 200:1 beyond 64 MiB: entry stopped (zip bomb?)',
                      "1 with errors"],
                  ["taux de compression supérieur à 200:1"]),
    "imbrication.json": (1, ["[json.too_deep] Nesting too deep (more than 512 levels) at byte 512 (line 1)"],
                         ["Imbrication trop profonde (plus de 512 niveaux) à l'octet 512 (ligne 1)"]),
    "cles_en_double.json": (0, ['[json.duplicate_key] Duplicate key "montant" in an object (byte 37, line 1): the last value is kept',
                                "Table cles_en_double — 2 rows", "  1 | 12"],
                            ["Clé « montant » en double dans un objet (octet 37, ligne 1)"]),
    "une_seule_ligne.csv": (1, ["[csv.record_too_long] Line 1: a record longer than 32 MiB with no line end or closing quote (starting at byte 0)"],
                            ["Ligne 1 : un enregistrement de plus de 32 Mio sans fin de ligne"]),
    "une_seule_ligne.json": (0, ["Table une_seule_ligne — 2100000 rows, 3 columns", "temp                         float64"],
                             ["2100000 lignes"]),
    "bombe.tgz": (0, ["[tar.bomb] The archive inflates beyond the limits (bomb?): reading stopped",
                      'Entry "Takeout/Historique des positions/Records.json": entry interrupted'],
                  ["L'archive se décompresse au-delà des limites (archive piège ?) : lecture arrêtée"]),
    "imbriquee.zip": (0, ["niveau0/archive.zip/niveau1/archive.zip", "Archive inside an archive inside an archive: skipped. Unzip it",
                          "1 skipped"],
                      ["Décompressez-la d’abord sur votre ordinateur"]),
    "chemins_hostiles.zip": (0, ["../../../../etc/releve.csv", "/racine/absolu.csv", "C:/Windows/releve.csv", "dossier/../../x.csv",
                                 "4 read, 0 skipped, 0 with errors"],
                             ["4 lue(s)"]),
    "vingt_mille_entrees.zip": (0, ["releves/19999.csv", "Archive: 20000 entries, 20000 read, 0 skipped, 0 with errors"],
                                ["Archive : 20000 entrée(s), 20000 lue(s)"]),
    "taille_mensongere.zip": (0, ['Entry "Takeout/releve.csv" (byte 0): size 162 instead of the declared 4294967280 bytes', "1 with errors"],
                              ["taille 162 au lieu des 4294967280 octets déclarés"]),
    "classeur_hostile.xlsx": (0, ["Table Conso — 2 rows, 2 columns", "1 cell(s) refer to a missing shared string (left empty)",
                                  "2025-01-01T11:30:00Z | 0.75"],
                              ["1 cellule(s) renvoient à une chaîne partagée absente"]),
    "facture.pdf": (1, ["Unknown format: binary data (first bytes: 25 50 44 46 2D 31", "(byte 0)"], ["Format non reconnu"]),
}

check(sorted(os.listdir(OUT)) == sorted(CASES), "the corpus has exactly the expected files", str(sorted(os.listdir(OUT))))
subprocess.run([sys.executable, GEN, os.path.join(TMP, "b")], check=True)
same = all(filecmp.cmp(os.path.join(OUT, f), os.path.join(TMP, "b", f), shallow=False) for f in CASES)
check(same, "the generator is deterministic (two runs byte-identical)")

for name, (code, en, fr) in CASES.items():
    path = os.path.join(OUT, name)
    for lang, frags in (("en", en), ("fr", fr)):
        r = subprocess.run([WB, "inspect", "--lang", lang, path], capture_output=True, timeout=300)
        out = r.stdout.decode("utf-8", "replace")
        err = r.stderr.decode("utf-8", "replace")
        check(r.returncode == code, f"{name} [{lang}]: exit {code}", f"exit {r.returncode}\n{out[:800]}\n{err[:800]}")
        check(out.startswith(f"== {path} =="), f"{name} [{lang}]: output names the file", out[:200])
        missing = [f for f in frags if f not in out]
        check(not missing, f"{name} [{lang}]: expected message", "missing: " + " | ".join(missing) + "\n" + out[:1500])
        check("runtime error" not in err and "AddressSanitizer" not in err, f"{name} [{lang}]: nothing on stderr", err[:800])
    # the same through --json: one document, the error object carries its offset when it has one
    r = subprocess.run([WB, "inspect", "--json", path], capture_output=True, timeout=300)
    import json
    try:
        doc = json.loads(r.stdout)
        f = doc[0] if isinstance(doc, list) else doc["files"][0]
        e = f.get("error")
        ok = (e is None) == (code == 0) and (e is None or "byte_offset" in e or e.get("code") == "format.empty")
        check(ok, f"{name} [json]: error object {'present with its offset' if code else 'absent'}", json.dumps(e)[:400])
    except Exception as ex:  # noqa: BLE001 - any failure to read the JSON is a test failure
        check(False, f"{name} [json]: valid JSON output", str(ex) + "\n" + r.stdout[:400].decode("utf-8", "replace"))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
