#!/usr/bin/env python3
"""Fixture generator: a basket of ~300 common French supermarket products written as till receipts print
them (upper case, abbreviated, brand first or last, pack size glued on), for tests/food_match_test.cpp.

The list is written by hand (engineer h7) from the everyday assortment of French hypermarkets, in the
styles of real receipt lines seen through the search tool's code corpus (public receipt-extraction chat
exports whose excerpts do not name their repository): E.Leclerc "CACAHUETES GRILLEES:450G-2310T",
"BARILLA PENNE RIGATE 500G"; Carrefour Market "*4X125B Y. GREC CIT", "*100G OIGNON FRITS",
"*1L VINAIGRE.ALC.CR 2 x 0.59€", "OIGNON ROUGE 500g", "FIGUE VIOLET RGF"; plus the brief's examples
("CAR.", "BIO", "X6", "LT", "1KG", "0,750 KG", "BQT", "PTE", "FRAIS"). No Intermarché / Lidl / Monoprix
sample was found: those lines follow the same conventions (private labels, pack size glued on).
Prices are typical shelf prices (rounded, invented for the fixture, not a source).
Non-food lines (bags, deposits, hygiene, cleaning, discounts, fuel) are mixed in on purpose.

Output: basket_300.csv, "label;quantity;unit;amount_eur", UTF-8, deterministic (no randomness).
Usage: python3 tests/data/food/make_basket.py [out_dir]
"""
import os
import sys

# (label, quantity, unit, amount) — unit "kg" for weighed lines, "" for a piece.
FOOD = [
    # fruits & légumes (weighed and packed)
    ("CAROTTES VRAC", 1.204, "kg", 1.80), ("CAR. RAPEES BIO 500G", 1, "", 1.95), ("POMMES GOLDEN", 1.532, "kg", 3.20),
    ("POMME GALA BIO 1KG", 1, "", 3.49), ("BANANES CAVENDISH", 1.126, "kg", 2.24), ("BANANE BIO", 0.950, "kg", 2.60),
    ("TOMATES GRAPPE", 0.876, "kg", 2.80), ("TOMATE CERISE BQT 250G", 1, "", 1.99), ("TOMATES RONDES", 1.050, "kg", 2.50),
    ("POMMES DE TERRE 2,5KG", 1, "", 3.29), ("PDT FRITES 5KG", 1, "", 5.49), ("OIGNONS JAUNES 1KG", 1, "", 1.49),
    ("ECHALOTES 250G", 1, "", 1.59), ("AIL BLANC X3", 1, "", 1.29), ("POIREAUX", 0.820, "kg", 2.05),
    ("COURGETTES", 0.745, "kg", 1.85), ("AUBERGINE", 0.410, "kg", 1.20), ("POIVRON ROUGE", 0.250, "kg", 1.10),
    ("POIVRONS TRICOLORES X3", 1, "", 2.49), ("CONCOMBRE", 1, "", 0.99), ("SALADE LAITUE", 1, "", 0.99),
    ("SALADE BATAVIA", 1, "", 1.09), ("MACHE 150G", 1, "", 1.69), ("ROQUETTE 125G", 1, "", 1.59),
    ("ENDIVES 1KG", 1, "", 2.79), ("CHOU FLEUR", 1, "", 2.29), ("BROCOLIS", 0.530, "kg", 1.60),
    ("HARICOTS VERTS EXTRA FINS 500G", 1, "", 2.99), ("CHAMPIGNONS DE PARIS 500G", 1, "", 2.19),
    ("EPINARDS BRANCHES 1KG SURG", 1, "", 2.39), ("CITRONS JAUNES 500G", 1, "", 1.79), ("CITRON VERT X3", 1, "", 1.19),
    ("ORANGES A JUS 2KG", 1, "", 3.49), ("CLEMENTINES 1KG", 1, "", 2.79), ("KIWIS X6", 1, "", 2.20),
    ("POIRES CONFERENCE", 0.950, "kg", 2.65), ("RAISIN BLANC 500G", 1, "", 2.49), ("FRAISES GARIGUETTE 250G", 1, "", 3.49),
    ("MELON CHARENTAIS", 1, "", 2.49), ("PECHES JAUNES", 1.050, "kg", 3.15), ("NECTARINES", 0.980, "kg", 2.94),
    ("ABRICOTS", 0.750, "kg", 3.00), ("CERISES 500G", 1, "", 4.99), ("ANANAS", 1, "", 1.99),
    ("MANGUE AVION", 1, "", 2.99), ("AVOCAT X2", 1, "", 2.29), ("CELERI RAVE", 0.850, "kg", 1.70),
    ("NAVETS BOTTE", 1, "", 1.99), ("RADIS BOTTE", 1, "", 1.19), ("BETTERAVES CUITES 500G", 1, "", 1.29),
    ("POTIRON", 1.240, "kg", 2.48), ("PATATE DOUCE", 0.680, "kg", 2.03), ("FENOUIL", 0.420, "kg", 1.26),
    ("ASPERGES BLANCHES BQT 500G", 1, "", 5.99), ("PERSIL PLAT BQT", 1, "", 0.99), ("CIBOULETTE", 1, "", 0.99),
    ("PETITS POIS CAROTTES 4/4", 1, "", 1.69), ("MAIS DOUX 3X140G", 1, "", 2.19), ("HARICOTS BLANCS 4/4", 1, "", 1.39),
    # épicerie salée
    ("BARILLA PENNE RIGATE 500G", 1, "", 1.39), ("PATES SPAGHETTI 1KG", 1, "", 1.69), ("COQUILLETTES 500G", 1, "", 0.99),
    ("TORTELLINI JAMBON 300G", 1, "", 2.49), ("RIZ BASMATI 1KG", 1, "", 2.59), ("RIZ LONG GRAIN 1KG", 1, "", 1.49),
    ("RIZ ROND DESSERT 500G", 1, "", 1.19), ("SEMOULE COUSCOUS MOYENNE 1KG", 1, "", 1.69), ("QUINOA 500G", 1, "", 3.29),
    ("LENTILLES VERTES 500G", 1, "", 1.79), ("LENTILLES CORAIL 500G", 1, "", 2.19), ("POIS CHICHES 4/4", 1, "", 1.19),
    ("FARINE BLE T55 1KG", 1, "", 0.89), ("SUCRE EN POUDRE 1KG", 1, "", 1.19), ("SUCRE MORCEAUX 1KG", 1, "", 1.49),
    ("SEL FIN 1KG", 1, "", 0.59), ("POIVRE NOIR MOULU 50G", 1, "", 1.89), ("HUILE TOURNESOL 1L", 1, "", 2.19),
    ("HUILE D'OLIVE V. EXTRA 75CL", 1, "", 6.49), ("HUILE COLZA 1L", 1, "", 2.09), ("VINAIGRE DE VIN 1L", 1, "", 0.99),
    ("VINAIGRE BALSAMIQUE 50CL", 1, "", 2.49), ("MOUTARDE DIJON 370G", 1, "", 1.59), ("MAYONNAISE 235G", 1, "", 1.89),
    ("KETCHUP 560G", 1, "", 2.29), ("SAUCE TOMATE BASILIC 420G", 1, "", 1.49), ("CONCENTRE TOMATE 140G", 1, "", 0.89),
    ("PULPE DE TOMATE 400G", 1, "", 0.89), ("SAUCE BOLOGNAISE 400G", 1, "", 2.29), ("PESTO VERT 190G", 1, "", 2.49),
    ("THON ENTIER NATUREL 3X80G", 1, "", 4.29), ("SARDINES HUILE OLIVE 135G", 1, "", 1.79), ("MAQUEREAUX VIN BLANC 176G", 1, "", 1.99),
    ("RAVIOLI PUR BOEUF 800G", 1, "", 2.79), ("CASSOULET 840G", 1, "", 3.49), ("CHOUCROUTE GARNIE 800G", 1, "", 4.29),
    ("SOUPE POTIRON 1L", 1, "", 2.19), ("VELOUTE LEGUMES 1L", 1, "", 2.09), ("PUREE FLOCONS 4X125G", 1, "", 1.99),
    ("CHIPS NATURE 150G", 1, "", 1.49), ("CACAHUETES GRILLEES 450G", 1, "", 2.69), ("OLIVES VERTES 200G", 1, "", 1.99),
    ("CORNICHONS 360G", 1, "", 1.69), ("CROUTONS 90G", 1, "", 0.99), ("BOUILLON VOLAILLE X10", 1, "", 1.49),
    ("CHAPELURE 250G", 1, "", 0.99), ("LEVURE CHIMIQUE X8", 1, "", 0.89), ("BISCOTTES 36 TR", 1, "", 1.39),
    # petit déjeuner, épicerie sucrée
    ("CAFE MOULU ARABICA 250G", 1, "", 3.29), ("CAFE GRAINS 1KG", 1, "", 10.99), ("CAPSULES CAFE X10", 1, "", 2.99),
    ("THE VERT X25", 1, "", 1.99), ("CHOCOLAT EN POUDRE 800G", 1, "", 3.99), ("CEREALES CORN FLAKES 500G", 1, "", 2.19),
    ("MUESLI FRUITS 750G", 1, "", 2.79), ("FLOCONS D'AVOINE 500G", 1, "", 1.29), ("CONFITURE FRAISE 370G", 1, "", 1.99),
    ("CONFITURE ABRICOT 370G", 1, "", 1.99), ("MIEL TOUTES FLEURS 500G", 1, "", 4.49), ("PATE A TARTINER 750G", 1, "", 3.99),
    ("CHOCOLAT NOIR 70% 100G", 1, "", 1.49), ("CHOCOLAT LAIT 3X100G", 1, "", 2.79), ("TABLETTE CHOCOLAT NOISETTES 200G", 1, "", 2.49),
    ("BISCUITS PETIT BEURRE 200G", 1, "", 1.19), ("COOKIES PEPITES CHOCOLAT 200G", 1, "", 1.89), ("GAUFRETTES 175G", 1, "", 1.29),
    ("MADELEINES X12", 1, "", 1.99), ("BRIOCHE TRANCHEE 500G", 1, "", 2.19), ("PAIN DE MIE COMPLET 500G", 1, "", 1.79),
    ("PAIN DE MIE AMERICAN SANDWICH", 1, "", 1.99), ("CROISSANTS X6", 1, "", 2.49), ("PAINS AU CHOCOLAT X6", 1, "", 2.69),
    ("BONBONS GELIFIES 300G", 1, "", 1.89), ("COMPOTE POMME 4X100G", 1, "", 1.59), ("COMPOTE POMME POIRE 4X100G", 1, "", 1.69),
    ("CREME DESSERT CHOCOLAT 4X125G", 1, "", 1.49), ("RIZ AU LAIT 4X100G", 1, "", 1.79), ("FRUITS AU SIROP PECHE 4/4", 1, "", 2.29),
    # boulangerie
    ("BAGUETTE TRADITION", 1, "", 1.10), ("BAGUETTE", 1, "", 0.95), ("PAIN COMPLET 400G", 1, "", 1.89),
    ("PAIN CAMPAGNE 500G", 1, "", 2.20), ("PAIN AUX CEREALES", 1, "", 1.95), ("CROISSANT PUR BEURRE", 1, "", 0.90),
    # crèmerie
    ("LAIT DEMI ECREME UHT 1L X6", 1, "", 5.94), ("LAIT 1/2 ECR UHT 1LX6", 1, "", 5.70), ("LAIT ENTIER 1L", 1, "", 1.19),
    ("LAIT ECREME UHT 1L", 1, "", 0.99), ("BEURRE DOUX 250G", 1, "", 2.49), ("BEURRE DEMI SEL 250G", 1, "", 2.59),
    ("CREME FRAICHE EPAISSE 20CL", 1, "", 1.39), ("CREME LIQUIDE 30% 20CL", 1, "", 1.19), ("YAOURT NATURE 8X125G", 1, "", 2.35),
    ("YAOURTS AUX FRUITS 8X125G", 1, "", 2.79), ("*4X125G Y. GREC", 1, "", 2.09), ("FROMAGE BLANC 0% 500G", 1, "", 1.79),
    ("PETITS SUISSES X6", 1, "", 1.59), ("SKYR NATURE 450G", 1, "", 2.29), ("EMMENTAL RAPE 200G", 1, "", 2.19),
    ("COMTE AOP 12 MOIS 250G", 1, "", 4.49), ("CAMEMBERT NORMANDIE 250G", 1, "", 2.29), ("BRIE 200G", 1, "", 2.19),
    ("MOZZARELLA 125G", 1, "", 0.99), ("CHEVRE BUCHE 180G", 1, "", 2.49), ("ROQUEFORT AOP 100G", 1, "", 2.99),
    ("RACLETTE TRANCHES 400G", 1, "", 5.49), ("PARMIGIANO REGGIANO 200G", 1, "", 4.99), ("FETA AOP 200G", 1, "", 2.69),
    ("OEUFS PLEIN AIR X12", 1, "", 3.69), ("OEUFS FRAIS X6", 1, "", 2.09), ("OEUFS BIO X6", 1, "", 2.79),
    ("BOISSON SOJA NATURE 1L", 1, "", 1.79), ("BOISSON AVOINE 1L", 1, "", 1.89), ("DESSERT SOJA VANILLE 4X100G", 1, "", 2.29),
    # boucherie, volaille, charcuterie, poisson
    ("STEAK HACHE 5% MG X4", 1, "", 5.49), ("STEAK HACHE 15% 10X100G SURG", 1, "", 7.99), ("ROTI DE BOEUF", 0.820, "kg", 16.40),
    ("ENTRECOTE BOEUF", 0.350, "kg", 9.10), ("BAVETTE D'ALOYAU", 0.300, "kg", 6.90), ("BOEUF BOURGUIGNON", 0.900, "kg", 12.50),
    ("ESCALOPE DE VEAU", 0.280, "kg", 7.80), ("COTES DE PORC", 0.650, "kg", 5.20), ("ROTI DE PORC", 0.900, "kg", 8.10),
    ("FILET MIGNON PORC", 0.540, "kg", 7.50), ("SAUTE D'AGNEAU", 0.600, "kg", 10.80), ("GIGOT D'AGNEAU", 1.300, "kg", 23.40),
    ("POULET FERMIER LABEL ROUGE", 1.419, "kg", 14.12), ("ESCALOPE POULET X2 280G", 1, "", 4.89), ("FILET DE POULET 1KG", 1, "", 11.99),
    ("CUISSES DE POULET", 1.100, "kg", 5.50), ("AIGUILLETTES DE POULET 400G", 1, "", 4.79), ("ESCALOPE DINDE 500G", 1, "", 5.49),
    ("JAMBON BLANC 4 TRANCHES", 1, "", 2.49), ("JAMBON CRU 6 TR", 1, "", 2.99), ("LARDONS FUMES 2X100G", 1, "", 1.99),
    ("SAUCISSON SEC 250G", 1, "", 3.49), ("SAUCISSES DE TOULOUSE X6", 1, "", 4.99), ("CHIPOLATAS X6", 1, "", 3.99),
    ("MERGUEZ X6", 1, "", 3.99), ("KNACKS X6", 1, "", 2.29), ("PATE DE CAMPAGNE 180G", 1, "", 1.59),
    ("RILLETTES PORC 220G", 1, "", 2.09), ("CHORIZO DOUX 225G", 1, "", 2.59), ("BLANC DE POULET 4 TR", 1, "", 2.39),
    ("FILET CABILLAUD", 0.412, "kg", 10.26), ("PAVE SAUMON X2 250G", 1, "", 6.49), ("SAUMON FUME 4 TR", 1, "", 4.99),
    ("CREVETTES CUITES 200G", 1, "", 3.99), ("MOULES 1KG", 1, "", 4.49), ("FILET COLIN", 0.380, "kg", 5.70),
    ("SURIMI X16", 1, "", 2.49), ("TRUITE FUMEE 4 TR", 1, "", 4.29), ("FILETS MAQUEREAU", 0.300, "kg", 3.60),
    ("POISSON PANE X10 SURG", 1, "", 3.49),
    # traiteur, surgelés
    ("PIZZA 4 FROMAGES SURG", 1, "", 3.29), ("PIZZA JAMBON FROMAGE", 1, "", 2.99), ("QUICHE LORRAINE 400G", 1, "", 3.49),
    ("HACHIS PARMENTIER 300G", 1, "", 3.19), ("LASAGNES BOLOGNAISE 1KG", 1, "", 5.49), ("TABOULE ORIENTAL 500G", 1, "", 2.49),
    ("SALADE PIEMONTAISE 300G", 1, "", 2.19), ("NEMS POULET X4", 1, "", 3.49), ("FRITES SURGELEES 1KG", 1, "", 1.99),
    ("GLACE VANILLE 1L", 1, "", 3.49), ("CONES GLACES X6", 1, "", 3.99), ("PETITS POIS SURGELES 1KG", 1, "", 2.29),
    ("GNOCCHI A POELER 300G", 1, "", 2.19), ("PATE FEUILLETEE", 1, "", 1.29), ("PATE BRISEE", 1, "", 1.19),
    ("GALETTES BLE NOIR X6", 1, "", 2.19), ("HOUMOUS 200G", 1, "", 2.29), ("SUSHI X12", 1, "", 7.99),
    ("TOFU NATURE 400G", 1, "", 2.99), ("STEAK SOJA X2", 1, "", 3.29),
    # boissons
    ("EAU MINERALE 6X1,5L", 1, "", 2.94), ("EAU GAZEUSE 1L", 1, "", 0.79), ("JUS D'ORANGE 1L", 1, "", 1.99),
    ("JUS POMME 1L", 1, "", 1.59), ("PUR JUS MULTIFRUITS 1L", 1, "", 2.09), ("SODA COLA 1,5L", 1, "", 1.89),
    ("LIMONADE 1,5L", 1, "", 0.99), ("SIROP DE MENTHE 75CL", 1, "", 1.99), ("THE GLACE PECHE 1,5L", 1, "", 1.69),
    ("BIERE BLONDE 6X25CL", 1, "", 3.99), ("BIERE PRESSION 50CL", 1, "", 1.49), ("VIN ROUGE BORDEAUX 75CL", 1, "", 4.99),
    ("VIN BLANC 75CL", 1, "", 3.99), ("VIN ROSE 75CL", 1, "", 3.99), ("CHAMPAGNE BRUT 75CL", 1, "", 19.99),
    ("CIDRE BRUT 75CL", 1, "", 2.49), ("PASTIS 1L", 1, "", 17.99), ("WHISKY 70CL", 1, "", 15.99),
    # fromages et crèmerie à la coupe, divers
    ("REBLOCHON AOP", 0.450, "kg", 7.20), ("TOMME DE SAVOIE", 0.300, "kg", 5.40), ("BEAUFORT", 0.250, "kg", 6.50),
    ("GRUYERE RAPE 100G", 1, "", 1.49), ("FROMAGE A RACLETTE", 0.800, "kg", 12.80), ("MIMOLETTE", 0.200, "kg", 2.80),
    ("COULOMMIERS", 1, "", 2.59), ("SAINT NECTAIRE", 0.350, "kg", 6.30), ("CANTAL", 0.250, "kg", 3.75),
    ("NOIX DE CAJOU 200G", 1, "", 3.49), ("AMANDES 200G", 1, "", 2.99), ("NOISETTES 125G", 1, "", 2.19),
    ("RAISINS SECS 250G", 1, "", 1.79), ("PRUNEAUX 500G", 1, "", 3.29), ("DATTES 250G", 1, "", 2.19),
    ("CONCOMBRE BIO", 1, "", 1.49), ("TOMATES BIO 500G", 1, "", 2.99), ("PECHES PLATES", 0.800, "kg", 3.20),
    ("PAMPLEMOUSSE", 1, "", 0.89), ("MANDARINES", 1.000, "kg", 2.90), ("FIGUES", 0.300, "kg", 2.70),
    ("PRUNES", 0.600, "kg", 2.40), ("MYRTILLES 125G", 1, "", 2.49), ("FRAMBOISES 125G", 1, "", 2.99),
    ("POIRES WILLIAMS", 0.900, "kg", 2.70), ("LITCHIS", 0.500, "kg", 2.50), ("CHATAIGNES", 0.400, "kg", 3.20),
    ("CHOU VERT", 1, "", 1.99), ("CHOUX DE BRUXELLES 500G", 1, "", 2.29), ("CELERI BRANCHE", 1, "", 1.49),
    ("ARTICHAUT", 1, "", 1.29), ("PANAIS", 0.500, "kg", 1.75), ("TOPINAMBOURS", 0.500, "kg", 2.00),
    ("SOUPE MISO", 1, "", 1.99), ("SAUCE SOJA 250ML", 1, "", 2.19), ("LAIT DE COCO 400ML", 1, "", 1.69),
    ("CURRY EN POUDRE", 1, "", 1.49), ("CANNELLE", 1, "", 1.49), ("HERBES DE PROVENCE", 1, "", 1.29),
    ("FRUITS SECS MELANGE 200G", 1, "", 2.99), ("BARRES CEREALES X6", 1, "", 2.19), ("GATEAU BASQUE", 1, "", 4.50),
    ("TARTE AUX POMMES", 1, "", 4.99), ("ECLAIR CHOCOLAT X2", 1, "", 2.99), ("FLAN PATISSIER", 1, "", 3.50),
    # lines as printed on the real receipts quoted above
    ("CACAHUETES GRILLEES:450G-2310T", 1, "", 3.49), ("*4X125B Y. GREC CIT", 1, "", 2.89), ("*100G OIGNON FRITS", 1, "", 1.65),
    ("OIGNON ROUGE 500g", 2, "", 1.98), ("FIGUE VIOLET RGF", 1, "", 5.99),
]

NOT_FOOD = [
    ("SAC CABAS REUTILISABLE", 1, "", 0.50), ("SAC PAPIER", 1, "", 0.10), ("CONSIGNE BOUTEILLE", 1, "", 0.20),
    ("REMISE FIDELITE", 1, "", -1.50), ("BON DE REDUCTION", 1, "", -0.80), ("REMISE IMMEDIATE", 1, "", -1.00),
    ("PAPIER TOILETTE X12", 1, "", 4.99), ("ESSUIE TOUT X4", 1, "", 3.29), ("SHAMPOOING 250ML", 1, "", 2.49),
    ("GEL DOUCHE 250ML", 1, "", 1.99), ("DENTIFRICE 75ML", 1, "", 1.89), ("BROSSE A DENTS", 1, "", 1.99),
    ("LESSIVE LIQUIDE 2L", 1, "", 7.99), ("LIQUIDE VAISSELLE 750ML", 1, "", 1.49), ("PASTILLES LAVE VAISSELLE X30", 1, "", 5.99),
    ("EPONGES X3", 1, "", 1.29), ("SACS POUBELLE 30L X20", 1, "", 2.49), ("GAZOLE", 42.10, "", 72.40),
    ("PILES AA X4", 1, "", 4.99), ("CROQUETTES CHAT 2KG", 1, "", 7.99),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    rows = FOOD + NOT_FOOD
    with open(os.path.join(out, "basket_300.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("label;quantity;unit;amount_eur\n")
        for label, q, u, eur in rows:
            f.write(f"{label};{q:g};{u};{eur:.2f}\n")
    print(f"{len(FOOD)} food + {len(NOT_FOOD)} not-food lines -> basket_300.csv")


if __name__ == "__main__":
    main()
